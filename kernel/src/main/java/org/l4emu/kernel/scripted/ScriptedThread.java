package org.l4emu.kernel.scripted;

import java.util.function.Consumer;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.scripted.ScriptedContext;
import org.l4emu.emulator.scripted.Script;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.syscall.KdebugCalls;
import org.l4emu.kernel.syscall.SyscallNumber;

/**
 * One kernel thread on the scripted machine, told what to do in L4 terms: each call adds to the
 * thread's script, which the thread runs when the kernel schedules it. Message registers are
 * written the way guest code writes them, as stores into the thread's UTCB just before the
 * system call. When the script is finished the thread waits for ever (a closed wait on itself).
 * Results are those of the last system call that returned ({@link #from()}, {@link #dope()});
 * message registers are read as they are now ({@link #mr(int)}).
 */
public final class ScriptedThread {
    private static final int NEVER = 0;
    private static final int RESULTS = 4;
    /** UTCB words 112-115, 16-byte aligned: where {@link #forward} writes its parameter block. */
    private static final int PARAMETER_BLOCK_WORD = 112;

    private final Thread thread;
    private final ScriptedContext context;
    private final Kernel kernel;
    private final Script script = new Script();
    /** The results of the last system call, kept when the thread goes on (its next call's arguments overwrite them). */
    private final int[] results = new int[RESULTS];

    ScriptedThread(Thread thread, ScriptedContext context, Kernel kernel) {
        this.thread = thread;
        this.context = context;
        this.kernel = kernel;
        context.setProgram(this::next);
    }

    private Step next(ScriptedContext running) {
        for (int i = 0; i < RESULTS; i++) {
            results[i] = running.result(i);
        }
        Step step = script.next(running);
        return step != null ? step : Step.syscall(SyscallNumber.IPC, ThreadId.NIL, thread.id(), NEVER, 0);
    }

    public int id() {
        return thread.id();
    }

    public Thread thread() {
        return thread;
    }

    public ScriptedContext context() {
        return context;
    }

    public ThreadState state() {
        return thread.state();
    }

    /** True when the thread has run every step it was given. */
    public boolean finished() {
        return script.finished();
    }

    // ---- what the thread does next ----

    /** Any step of the scripted machine (a compute stretch, a store, a raw system call, ...). */
    public ScriptedThread step(Step step) {
        script.then(step);
        return this;
    }

    /** Java code run when the thread gets here, e.g. to look at the results of the last call. */
    public ScriptedThread then(Consumer<ScriptedThread> action) {
        script.then(running -> action.accept(this));
        return this;
    }

    /** Stores MR0 = {@code tag} and MR1.. = {@code words}. */
    public ScriptedThread message(int tag, int... words) {
        utcb(Utcb.MR0, tag);
        for (int i = 0; i < words.length; i++) {
            utcb(Utcb.MR0 + 1 + i, words[i]);
        }
        return this;
    }

    /** A store into UTCB word {@code word} (BR0, Pager, ExceptionHandler, ...). */
    public ScriptedThread utcb(int word, int value) {
        return step(Step.write(thread.utcbAddress() + 4 * word, value));
    }

    public ScriptedThread syscall(int number, int... arguments) {
        return step(Step.syscall(number, arguments));
    }

    /** ipc(to, from_spec, timeouts, snd_desc), ABI section 3. */
    public ScriptedThread ipc(int to, int fromSpec, int timeouts, int sendDescriptor) {
        return syscall(SyscallNumber.IPC, to, fromSpec, timeouts, sendDescriptor);
    }

    /**
     * A monitor's deceit forward (ABI section 3.2): a parameter block naming {@code trueSource}
     * (no blocked source, no controlling monitor, no delay), then ipc(to, nilthread, timeouts)
     * with {@code option}; the message is whatever MR0.. hold then.
     */
    public ScriptedThread forward(int to, int trueSource, int option, int timeouts) {
        return forward(to, trueSource, ThreadId.NIL, option, timeouts);
    }

    /** A deceit forward as above whose parameter block also names {@code blockedSource} (options 5 and 7). */
    public ScriptedThread forward(int to, int trueSource, int blockedSource, int option, int timeouts) {
        return forward(to, trueSource, blockedSource, ThreadId.NIL, option, timeouts);
    }

    /** A deceit forward as above whose parameter block also names {@code controllingMonitor} (options 6 and 7). */
    public ScriptedThread forward(int to, int trueSource, int blockedSource, int controllingMonitor, int option,
                                  int timeouts) {
        int block = thread.utcbAddress() + 4 * PARAMETER_BLOCK_WORD;
        return utcb(PARAMETER_BLOCK_WORD + Abi.ParameterBlock.TRUE_SOURCE_OFFSET / 4, trueSource)
                .utcb(PARAMETER_BLOCK_WORD + Abi.ParameterBlock.BLOCKED_SOURCE_OFFSET / 4, blockedSource)
                .utcb(PARAMETER_BLOCK_WORD + Abi.ParameterBlock.CONTROLLING_MONITOR_OFFSET / 4, controllingMonitor)
                .utcb(PARAMETER_BLOCK_WORD + Abi.ParameterBlock.DELAY_TIMEOUT_OFFSET / 4, 0)
                .ipc(to, ThreadId.NIL, timeouts, block | option << 1 | Abi.SendDescriptor.OPTION_BIT);
    }

    /** A call without timeouts. */
    public ScriptedThread call(ScriptedThread to) {
        return ipc(to.id(), to.id(), NEVER, 0);
    }

    /** A send without a timeout. */
    public ScriptedThread send(ScriptedThread to) {
        return ipc(to.id(), ThreadId.NIL, NEVER, 0);
    }

    /** An open wait without a timeout. */
    public ScriptedThread waitForAny() {
        return ipc(ThreadId.NIL, ThreadId.ANY, NEVER, 0);
    }

    /** Reply to {@code to} with a zero timeout and wait for the next message. */
    public ScriptedThread replyAndWait(int to) {
        return ipc(to, ThreadId.ANY, 0x0400 << 16, 0);
    }

    public ScriptedThread read(int address) {
        return step(Step.read(address));
    }

    public ScriptedThread write(int address, int value) {
        return step(Step.write(address, value));
    }

    public ScriptedThread raise(Trap.Kind kind) {
        return step(Step.raise(kind));
    }

    /** kdebug op 4: the thread exits. */
    public ScriptedThread exit() {
        return syscall(SyscallNumber.KDEBUG, KdebugCalls.EXIT_THREAD);
    }

    // ---- what it has now ----

    /** Result 0 of the last system call that returned: {@code from} after an ipc. */
    public int from() {
        return results[0];
    }

    /** Result 1 of the last system call that returned: the dope after an ipc. */
    public int dope() {
        return results[1];
    }

    /** Result {@code index} (0..3) of the last system call that returned. */
    public int result(int index) {
        return results[index];
    }

    public int mr(int index) {
        return utcbWord(Utcb.MR0 + index);
    }

    public int utcbWord(int word) {
        return kernel.view().utcbWord(thread, word);
    }

    /** The rights the thread's task has at {@code address} (NONE when unmapped). */
    public Access rightsAt(int address) {
        return thread.task().space().rights(address);
    }

    @Override
    public String toString() {
        return "scripted " + thread;
    }
}
