package org.l4emu.tools.fuzz.kernel;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.l4emu.emulator.scripted.ScriptedContext;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.tools.fuzz.AttackClass;

/**
 * What the kernel-level fuzzer keeps per kernel thread: its random stream, its role, the last
 * message it received (for monitor and pager actions), the steps an attack has still planned,
 * the expected outcome of its current call, and a shadow of every UTCB word the kernel must
 * never write (buffer registers, MyGlobalId, Pager, ExceptionHandler, the user words).
 */
final class FuzzThread {
    /**
     * KEEPER and ROOT keep the system going; FUZZER: a boot thread (the monitors too); CREATED:
     * made since boot by an attack; ANCHOR: the keeper's thread in each boot task, which only
     * waits, so that a boot thread that died always has a live sibling to come back beside.
     */
    enum Role { KEEPER, ROOT, FUZZER, CREATED, ANCHOR }

    /** A step made when it is due, from the state then. */
    @FunctionalInterface
    interface Planned {
        Step make(FuzzThread me);
    }

    /** A redirected message or a controller notification a monitor received and may act on (R2, M6). */
    record Kept(int from, int dope, int intendedReceiver, int blockedSource, int controllingMonitor) {}

    static final int UTCB_WORDS = 128;
    private static final int[] SERVING_PERCENT = {0, 20, 50, 80};

    private final Thread thread;
    private final ScriptedContext context;
    private final SplittableRandom random;
    private final Role role;
    private final int[] shadow = new int[UTCB_WORDS];
    private final int homePager;
    private final int servingPercent;
    private final ArrayDeque<Planned> plan = new ArrayDeque<>();
    private AttackClass current;
    private long syscalls;
    private int lastFrom = ThreadId.NIL;
    private boolean receivedLast;
    private int lastTag;
    private Kept kept;
    private Expectation expectation;
    private boolean inSyscall;
    /** Whether the rules, when its current fault IPC started, let it reach the handler directly (S6). */
    private boolean faultMayGoDirect;

    FuzzThread(Thread thread, ScriptedContext context, SplittableRandom random, Role role, int homePager) {
        this.thread = thread;
        this.context = context;
        this.random = random;
        this.role = role;
        this.homePager = homePager;
        this.servingPercent = SERVING_PERCENT[random.nextInt(SERVING_PERCENT.length)];
    }

    void faultIpcStarted(boolean mayGoDirect) {
        faultMayGoDirect = mayGoDirect;
    }

    boolean faultMayGoDirect() {
        return faultMayGoDirect;
    }

    /** How often the thread waits for calls and answers them, like a server: 0, 20, 50 or 80 percent. */
    int servingPercent() {
        return servingPercent;
    }

    Thread thread() {
        return thread;
    }

    int id() {
        return thread.id();
    }

    ScriptedContext context() {
        return context;
    }

    SplittableRandom random() {
        return random;
    }

    Role role() {
        return role;
    }

    boolean isMonitor() {
        return thread.task().monitor();
    }

    /**
     * True for the threads the system cannot do without: the keeper, the root, the anchors and
     * the boot monitors. A rule naming a dead monitor stays, fail-closed, for good (abi.md
     * 3.10), so a boot monitor that stopped would close its paths for the rest of the run:
     * these threads take no step that could stop them (a touch of a page that lost its
     * rights, a forged handler).
     */
    boolean essential() {
        return role != Role.FUZZER && role != Role.CREATED || isMonitor();
    }

    boolean privileged() {
        return thread.task().privileged();
    }

    /** The value the fuzzer last wrote to (or first saw in) UTCB word {@code word}. */
    int shadow(int word) {
        return shadow[word];
    }

    void setShadow(int word, int value) {
        shadow[word] = value;
    }

    /** The pager the thread was created with: what it goes back to after a forged one. */
    int homePager() {
        return homePager;
    }

    ArrayDeque<Planned> plan() {
        return plan;
    }

    AttackClass currentClass() {
        return current;
    }

    void setCurrentClass(AttackClass attackClass) {
        this.current = attackClass;
    }

    long syscalls() {
        return syscalls;
    }

    void countSyscall() {
        syscalls++;
    }

    int lastFrom() {
        return lastFrom;
    }

    Kept kept() {
        return kept;
    }

    void setKept(Kept kept) {
        this.kept = kept;
    }

    /** The last call had a receive phase: its results are looked at before the next step. */
    void receiving(boolean receives) {
        this.receivedLast = receives;
    }

    /** Tag of the message received last (0 when none). */
    int lastTag() {
        return lastTag;
    }

    /** Notes a successful receipt (from, tag). */
    void received(int from, int tag) {
        this.lastFrom = from;
        this.lastTag = tag;
    }

    boolean receivedLast() {
        return receivedLast;
    }

    Expectation expectation() {
        return expectation;
    }

    void expect(Expectation expectation) {
        this.expectation = expectation;
    }

    boolean inSyscall() {
        return inSyscall;
    }

    void setInSyscall(boolean inSyscall) {
        this.inSyscall = inSyscall;
    }

    @Override
    public String toString() {
        return thread.toString();
    }
}
