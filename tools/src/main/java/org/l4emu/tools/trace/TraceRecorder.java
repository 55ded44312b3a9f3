package org.l4emu.tools.trace;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ObjIntConsumer;
import org.l4emu.abi.Abi;
import org.l4emu.kernel.ipc.Dope;
import org.l4emu.kernel.ipc.MessageTag;
import org.l4emu.kernel.ipc.SendDescriptor;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.redirect.RedirectionRule;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.kernel.trace.KernelView;

/**
 * Writes every kernel event to a trace as it happens (binary format, docs/trace-format.md):
 * nothing is kept but the thread table, so traces of any length stream. Besides the kernel's
 * own events it records thread state changes and CPU switches, found by comparing states at
 * the end of each trap and after events outside one (timeouts), when they all share a time.
 * Events the kernel reports while it builds the system (boot mappings and rules) arrive before
 * {@link #booted}: they are kept until then and written first, at time 0, once the boot threads
 * are defined in the kernel's order. The events of an ipc trap (its syscall, plain send, whole
 * delivery) are held until the trap ends: a trap that repeats its thread's last template,
 * message words apart, is written as one repeat record (version 4); any other event writes
 * what is held first. While a trap's events are its template's they are only compared with it
 * ({@link TemplateMatch}), and its state changes are taken as the template's when the kernel
 * counts as many changes as the template has (so a repeat costs no scan of every thread).
 */
public final class TraceRecorder implements KernelEvents, AutoCloseable {
    /** No thread's number, nor "no thread": the next event names its thread (or none) in full. */
    private static final int NOT_A_NUMBER = -1;

    private final TraceOutput out;
    /** False: every record in full, no flags and no echoes (the same events, in more bytes; for tests). */
    private final boolean compact;
    /** Whether ipc traps are held, to be written as trap records (compact, version 4 on). */
    private final boolean holdsTraps;
    /** The threads whose state may still change (a dead one leaves once its end is recorded). */
    private final WatchedThreads watched = new WatchedThreads();
    /** Which threads and tasks keep their numbers after death: those rules name, tasks with numbered threads. */
    private final DefinitionsInUse inUse = new DefinitionsInUse();
    private final WireNumbers numbers;
    private KernelView kernel;
    private Thread running;
    private boolean inTrap;
    private long lastInstructions;
    private long lastTime;
    /** The kind and thread number of the event written last: version 3 writes what repeats them as flags or echoes. */
    private EventKind previousKind;
    private int previousNumber = TraceFormat.NO_THREAD;
    /** The arguments of the last syscall event, for a send that repeats them. */
    private final int[] callArguments = new int[RecentSyscalls.MAX_ARGUMENTS];
    private int callNumber;
    private final RecentSyscalls recentCalls = new RecentSyscalls();
    /** The message of the last send event, for a delivery that repeats it. */
    private final int[] sentWords = new int[MessageTag.MAX_WORDS];
    private final int[] receivedWords = new int[MessageTag.MAX_WORDS];
    private int sentTag;
    /** What {@link #messageTransferred} said about the delivery that follows it; words -1: nothing. */
    private int transferredTag;
    private int transferredWords = -1;
    /** Events reported before {@link #booted}, recorded when it comes. */
    private List<Runnable> beforeBoot = new ArrayList<>();
    private ObjIntConsumer<Thread> breakpointListener = (thread, argument) -> {};
    /** The ipc trap in progress while it can still be written as a repeat (version 4). */
    private final IpcTrap trap = new IpcTrap();
    /** The ipc trap held while it is still its thread's template's (then {@link #trap} is not filled). */
    private final TemplateMatch match = new TemplateMatch();
    /** The state changes found outside a held trap, written at once. */
    private final StateChanges changesOutsideHolding = new StateChanges();
    private boolean holding;
    /**
     * The templates repeated since an event was last written one by one (the last
     * {@link RecentSyscalls#DEPTH} of them, in a ring): their syscalls join the recent ones only
     * when such an event comes.
     */
    private final IpcTrap[] repeats = new IpcTrap[RecentSyscalls.DEPTH];
    private int repeatCount;

    public TraceRecorder(OutputStream sink, String name, TraceHeader header) {
        this(sink, name, header, true);
    }

    /** A recorder that writes every record in full, without flags or echoes: the same events in more bytes. */
    static TraceRecorder inFull(OutputStream sink, String name, TraceHeader header) {
        return new TraceRecorder(sink, name, header, false);
    }

    private TraceRecorder(OutputStream sink, String name, TraceHeader header, boolean compact) {
        this.compact = compact;
        this.holdsTraps = compact && header.version() >= TraceFormat.TRAP_RECORDS;
        this.out = new TraceOutput(sink, name);
        this.numbers = new WireNumbers(out, watched, inUse);
        out.raw(TraceFormat.MAGIC);
        out.varint(header.version());
        out.string(header.system());
        out.string(header.arch());
        out.string(header.image());
        out.varint(header.nanosPerInstruction());
    }

    @Override
    public void booted(KernelView kernel) {
        this.kernel = kernel;
        for (Thread thread : kernel.threads().all()) {
            numbers.thread(thread);
        }
        List<Runnable> early = beforeBoot;
        beforeBoot = null;
        early.forEach(Runnable::run);
    }

    /** True (and the event kept for later) when the kernel reports it before booting. */
    private boolean deferredBeforeBoot(Runnable event) {
        if (beforeBoot == null) {
            return false;
        }
        beforeBoot.add(event);
        return true;
    }

    @Override
    public void threadStarted(Thread thread) {
        begin(EventKind.THREAD_START, thread);
        out.word(thread.context().instructionPointer());
        afterEvent();
    }

    @Override
    public void threadExited(Thread thread, String reason) {
        begin(EventKind.THREAD_EXIT, thread);
        out.string(reason);
        afterEvent();
    }

    @Override
    public void syscall(Thread thread, int number) {
        settle();
        inTrap = true;
        if (holdsTraps && number == Abi.Syscall.IPC) {
            holding = true;
            IpcTrap template = numbers.template(thread);
            if (template == null || !match.begin(template, thread, number)) {
                trap.start(thread, number);
            }
            return;
        }
        trap.start(thread, number);
        writeSyscall(trap);
    }

    private void writeSyscall(IpcTrap call) {
        begin(EventKind.SYSCALL, call.thread);
        callNumber = call.number;
        System.arraycopy(call.arguments, 0, callArguments, 0, call.argumentCount);
        int repeated = compact ? recentCalls.find(callNumber, callArguments, call.argumentCount) : 0;
        out.u8(repeated);
        if (repeated == TraceFormat.SYSCALL_IN_FULL) {
            out.word(callNumber);
            out.words(callArguments, call.argumentCount);
        }
        recentCalls.add(callNumber, callArguments, call.argumentCount);
    }

    @Override
    public void sendStarted(Thread sender, int to, int tag, int sendDescriptor) {
        if (match.active()) {
            if (match.send(sender, to, tag, sendDescriptor)) {
                sentTag = tag; // as heldSend leaves them
                match.sent(readMessage(sender, tag, sentWords));
                return;
            }
            stopMatching();
        }
        if (!holding || !heldSend(sender, to, tag, sendDescriptor)) {
            sendOneByOne(sender, to, tag, sendDescriptor);
        }
    }

    /** Holds the send of the ipc trap held if it is the plain send its syscall asked for (no option, no parameter block). */
    private boolean heldSend(Thread sender, int to, int tag, int sendDescriptor) {
        if (trap.sent || sender != trap.thread || to != trap.arguments[TraceFormat.IPC_TO_ARGUMENT]
                || sendDescriptor != trap.arguments[TraceFormat.IPC_SEND_DESCRIPTOR_ARGUMENT]
                || SendDescriptor.hasOption(sendDescriptor) || SendDescriptor.parameterBlock(sendDescriptor) != 0) {
            settle();
            return false;
        }
        sentTag = tag; // the words are read into sentWords: a repeat leaves both as they are now
        trap.send(tag, sentWords, readMessage(sender, tag, sentWords));
        return true;
    }

    private void sendOneByOne(Thread sender, int to, int tag, int sendDescriptor) {
        writeSend(sender, to, tag, sendDescriptor, readMessage(sender, tag, sentWords));
    }

    /** A send record of the message whose first {@code words} MRs are in sentWords. */
    private void writeSend(Thread sender, int to, int tag, int sendDescriptor, int words) {
        catchUpOnRepeats();
        boolean forward = SendDescriptor.hasOption(sendDescriptor)
                && Abi.Option.isDeceit(SendDescriptor.optionCode(sendDescriptor));
        boolean asCalled = compact && previousKind == EventKind.SYSCALL && callNumber == Abi.Syscall.IPC
                && previousNumber == numbers.thread(sender) && callArguments[TraceFormat.IPC_TO_ARGUMENT] == to
                && callArguments[TraceFormat.IPC_SEND_DESCRIPTOR_ARGUMENT] == sendDescriptor;
        begin(forward ? EventKind.FORWARD : EventKind.SEND, sender);
        if (asCalled) {
            out.u8(TraceFormat.SEND_AS_CALLED);
        } else {
            out.u8(TraceFormat.SEND_IN_FULL);
            out.word(to);
            out.word(sendDescriptor);
        }
        out.word(tag);
        sentTag = tag;
        out.words(sentWords, words);
        parameterBlock(sender, SendDescriptor.parameterBlock(sendDescriptor));
        if (TraceFormat.readsMr1(sendDescriptor)) {
            out.word(kernel.utcbWord(sender, Utcb.MR0 + 1));
        }
        afterEvent();
    }

    @Override
    public void redirected(Thread sender, int trueSource, Thread intendedReceiver, Thread monitor,
                           MonitorClass monitorClass) {
        int intended = numbers.thread(intendedReceiver);
        int monitorNumber = numbers.thread(monitor);
        begin(EventKind.REDIRECT, sender);
        out.word(trueSource);
        out.varint(intended);
        out.varint(monitorNumber);
        out.u8(monitorClass.code());
        afterEvent();
    }

    @Override
    public void messageTransferred(Thread sender, Thread receiver, int senderTag, int words) {
        transferredTag = senderTag;
        transferredWords = words;
    }

    @Override
    public void delivered(Thread sender, Thread receiver, int from, int tag, int dope) {
        if (match.active()) {
            if (match.delivery(sender, receiver) && deliversSentWords(sender, receiver, from, tag, dope, match.wordCount())) {
                match.delivered();
                transferredWords = -1;
                return;
            }
            stopMatching();
        }
        int words = readMessage(receiver, tag, receivedWords);
        if (!holding || !heldDelivery(sender, receiver, from, tag, dope, words)) {
            deliverOneByOne(sender, receiver, from, tag, dope, words);
        }
    }

    /** Holds the delivery of the ipc trap held if it is its send's message, whole. */
    private boolean heldDelivery(Thread sender, Thread receiver, int from, int tag, int dope, int words) {
        if (!trap.sent || trap.receiver != null || sender != trap.thread
                || !deliversSentMessage(sender, from, tag, dope, words)) {
            settle();
            return false;
        }
        trap.receiver = receiver;
        transferredWords = -1;
        return true;
    }

    /**
     * True when a delivery from {@code sender}, whose received words are in receivedWords, is the
     * message of the last send (sentTag, sentWords) whole: from its thread, dope 0, every word
     * written as sent.
     */
    private boolean deliversSentMessage(Thread sender, int from, int tag, int dope, int words) {
        return deliversSentHeader(sender, from, tag, dope, words)
                && Arrays.equals(receivedWords, 0, words, sentWords, 0, words);
    }

    /** A delivery from the last send's thread, with its tag, dope 0, as many words written as sent. */
    private boolean deliversSentHeader(Thread sender, int from, int tag, int dope, int words) {
        return from == sender.id() && tag == sentTag && dope == 0 && transferredTag == tag && transferredWords == words;
    }

    /** {@link #deliversSentMessage}, the received words read from the receiver's MRs as they are compared. */
    private boolean deliversSentWords(Thread sender, Thread receiver, int from, int tag, int dope, int words) {
        if (!deliversSentHeader(sender, from, tag, dope, words)) {
            return false;
        }
        for (int i = 0; i < words; i++) {
            if (kernel.utcbWord(receiver, Utcb.MR0 + 1 + i) != sentWords[i]) {
                return false;
            }
        }
        return true;
    }

    /** The trap matched its template so far: it is made the trap held whole, and the events go on from there. */
    private void stopMatching() {
        match.into(trap, sentWords);
    }

    private void deliverOneByOne(Thread sender, Thread receiver, int from, int tag, int dope, int words) {
        catchUpOnRepeats();
        int senderNumber = sender == null ? TraceFormat.NO_THREAD : numbers.thread(sender);
        boolean asSent = compact && (previousKind == EventKind.SEND || previousKind == EventKind.FORWARD)
                && sender != null && previousNumber == senderNumber && deliversSentMessage(sender, from, tag, dope, words);
        begin(EventKind.DELIVER, receiver);
        if (asSent) {
            out.u8(TraceFormat.DELIVER_AS_SENT);
        } else {
            out.u8(TraceFormat.DELIVER_IN_FULL);
            out.varint(senderNumber);
            out.word(from);
            out.word(tag);
            out.word(dope);
            out.words(receivedWords, words);
            out.word(transferredTag);
            out.varint(transferredWords + 1L);
        }
        transferredWords = -1;
        afterEvent();
    }

    @Override
    public void blockedSourceEnded(Thread blockedSource, int dope, String cause) {
        begin(EventKind.UNBLOCK, blockedSource);
        out.word(dope);
        out.string(cause);
        afterEvent();
    }

    @Override
    public void controllerNotified(Thread monitor, int blockedSource, int trueSource, int finalReceiver,
                                   int errorCode) {
        begin(EventKind.NOTIFY, monitor);
        out.word(blockedSource);
        out.word(trueSource);
        out.word(finalReceiver);
        out.word(errorCode);
        afterEvent();
    }

    @Override
    public void ipcFailed(Thread thread, int dope) {
        boolean timeout = Dope.errorCode(dope) == Abi.ErrorCode.TIMEOUT;
        begin(timeout ? EventKind.TIMEOUT : EventKind.ERROR, thread);
        out.word(dope);
        afterEvent();
    }

    @Override
    public void syscallFailed(Thread thread, int number, int errorCode) {
        begin(EventKind.SYSCALL_ERROR, thread);
        out.word(number);
        out.word(errorCode);
        afterEvent();
    }

    @Override
    public void console(Thread thread, byte[] bytes) {
        begin(EventKind.CONSOLE, thread);
        out.bytes(bytes);
        afterEvent();
    }

    @Override
    public void breakpoint(Thread thread, int argument) {
        begin(EventKind.BREAKPOINT, thread);
        out.word(argument);
        afterEvent();
        breakpointListener.accept(thread, argument);
    }

    /**
     * Also tells {@code listener} of each kdebug breakpoint, once it is recorded: a benchmark
     * times the stretch between a guest's marks without a second observer that every event would
     * pass through, and so measures what recording alone costs.
     */
    public void onBreakpoint(ObjIntConsumer<Thread> listener) {
        breakpointListener = Objects.requireNonNull(listener);
    }

    @Override
    public void pageFault(Thread thread, int address, int accessBits, int instructionPointer) {
        inTrap = true;
        begin(EventKind.PAGE_FAULT, thread);
        out.word(address);
        out.word(accessBits);
        out.word(instructionPointer);
    }

    @Override
    public void mappingAdded(Task from, int fromPage, Task to, int toPage, int rightsBits, boolean grant) {
        if (deferredBeforeBoot(() -> mappingAdded(from, fromPage, to, toPage, rightsBits, grant))) {
            return;
        }
        int target = numbers.task(to);
        if (from == null) {
            begin(EventKind.KERNEL_MAP, null);
            out.varint(target);
            out.word(toPage);
            out.word(rightsBits);
            afterEvent();
            return;
        }
        int source = numbers.task(from);
        begin(EventKind.MAP, null);
        out.varint(target);
        out.word(toPage);
        out.word(rightsBits);
        out.u8(grant ? TraceFormat.GRANTED : TraceFormat.MAPPED);
        out.varint(source);
        out.word(fromPage);
        afterEvent();
    }

    @Override
    public void mappingRevoked(Task task, int page, int rightsLeft) {
        int number = numbers.task(task);
        begin(EventKind.UNMAP, null);
        out.varint(number);
        out.word(page);
        out.word(rightsLeft);
        afterEvent();
    }

    @Override
    public void itemsTransferring(Thread sender, Thread receiver, boolean wholeSpace, int window) {
        int senderNumber = numbers.thread(sender);
        begin(EventKind.ITEMS, receiver);
        out.varint(senderNumber);
        out.u8(wholeSpace ? TraceFormat.WHOLE_SPACE : 0);
        out.word(window);
        // The items as the kernel reads them now, so that a checker can work out where they must land.
        int tag = kernel.utcbWord(sender, Utcb.MR0);
        int first = 1 + MessageTag.untypedWords(tag);
        int typed = Math.max(0, Math.min(MessageTag.typedWords(tag), MessageTag.MAX_WORDS + 1 - first));
        out.varint(typed);
        for (int i = 0; i < typed; i++) {
            out.word(kernel.utcbWord(sender, Utcb.MR0 + first + i));
        }
        afterEvent();
    }

    @Override
    public void redirectionRuleAdded(RedirectionRule rule) {
        if (deferredBeforeBoot(() -> redirectionRuleAdded(rule))) {
            return;
        }
        rule(TraceFormat.RULE_ADDED, rule.source(), rule.dest(), rule.monitor());
        out.u8(rule.monitorClass().code());
        afterEvent();
    }

    @Override
    public void redirectionRuleRemoved(Task source, Task dest, Thread monitor) {
        rule(TraceFormat.RULE_REMOVED, source, dest, monitor);
        afterEvent();
    }

    private void rule(int operation, Task source, Task dest, Thread monitor) {
        inUse.rule(operation == TraceFormat.RULE_ADDED, source, dest, monitor);
        int sourceNumber = source == null ? TraceFormat.ANY_TASK : numbers.task(source);
        int destNumber = dest == null ? TraceFormat.ANY_TASK : numbers.task(dest);
        int monitorNumber = numbers.thread(monitor);
        begin(EventKind.RULE, null);
        out.u8(operation);
        out.varint(sourceNumber);
        out.varint(destNumber);
        out.varint(monitorNumber);
    }

    @Override
    public void allowRuleAdded(Task source, Task dest) {
        if (deferredBeforeBoot(() -> allowRuleAdded(source, dest))) {
            return;
        }
        int sourceNumber = numbers.task(source);
        int destNumber = numbers.task(dest);
        begin(EventKind.ALLOW, null);
        out.varint(sourceNumber);
        out.varint(destNumber);
        afterEvent();
    }

    @Override
    public void threadCreated(Thread thread) {
        begin(EventKind.THREAD_CREATED, thread);
        afterEvent();
    }

    @Override
    public void faultIpcStarted(Thread thread, Thread handler) {
        begin(EventKind.FAULT_IPC, thread);
        out.word(handler.id());
        afterEvent();
    }

    @Override
    public void deadlineChanged(Thread thread, long deadline) {
        begin(EventKind.DEADLINE, thread);
        out.varint(deadline == Thread.NO_DEADLINE ? 0 : deadline);
        afterEvent();
    }

    @Override
    public void trapHandled(Thread thread) {
        if (holding) {
            endHeldTrap();
        } else {
            recordStateChanges();
        }
        inTrap = false;
    }

    @Override
    public void finished(int exitCode) {
        settle();
        recordStateChanges();
        begin(EventKind.END, null);
        out.word(exitCode);
        out.flush();
    }

    /** Writes what is buffered; the recorder stays usable. */
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }

    /**
     * Starts an event record; every thread and task it names must be defined before this. Most
     * events of a trap share its instant, and many name the thread the event before did: flags
     * in the type byte say so instead of the fields.
     */
    private void begin(EventKind kind, Thread thread) {
        settle();
        catchUpOnRepeats();
        int number = thread == null ? TraceFormat.NO_THREAD : numbers.thread(thread);
        long instructions = kernel.instructions();
        long time = kernel.clock().now();
        boolean sameInstant = compact && instructions == lastInstructions && time == lastTime;
        boolean sameThread = compact && number == previousNumber;
        out.u8(kind.code() | (sameInstant ? TraceFormat.SAME_INSTANT : 0) | (sameThread ? TraceFormat.SAME_THREAD : 0));
        if (!sameInstant) {
            writeInstant(instructions, time);
        }
        if (!sameThread) {
            out.varint(number);
        }
        previousKind = kind;
        previousNumber = number;
    }

    /** Writes how far this instant is from the last one written, and makes it the last. */
    private void writeInstant(long instructions, long time) {
        out.varint(instructions - lastInstructions);
        out.varint(time - lastTime);
        lastInstructions = instructions;
        lastTime = time;
    }

    /** Inside a trap every change shares the trap's time, so they are collected once at its end. */
    private void afterEvent() {
        if (!inTrap) {
            recordStateChanges();
        }
    }

    private void recordStateChanges() {
        collectStateChanges(changesOutsideHolding);
        writeStateChanges(changesOutsideHolding);
    }

    /** The watched threads whose state changed since recorded last, and the switch if the CPU runs another thread now. */
    private void collectStateChanges(StateChanges into) {
        into.clear();
        // In full (the tests' reference), every watched thread is compared at every trap.
        watched.collectChanges(into, kernel.threadStateChanges(), !compact);
        Thread next = kernel.currentThread();
        if (next != running) {
            into.switchTo(next);
            running = next;
        }
    }

    private void writeStateChanges(StateChanges changes) {
        boolean died = false;
        for (int i = 0; i < changes.count(); i++) {
            died |= writeStateChange(changes.thread(i), changes.state(i));
        }
        if (died) {
            watched.dropDead();
        }
        if (changes.switched) {
            begin(EventKind.SWITCH, changes.switchedTo);
        }
    }

    /** Writes a thread's new state; true when it died (its number is let go once no rule names it). */
    private boolean writeStateChange(Thread thread, ThreadState state) {
        begin(EventKind.STATE, thread);
        out.u8(ThreadStateCodes.of(state));
        if (state == ThreadState.DEAD) {
            numbers.forget(thread);
            return true;
        }
        return false;
    }

    /** Writes the events of the ipc trap held so far, one by one, and holds no more. */
    private void settle() {
        if (!holding) {
            return;
        }
        if (match.active()) {
            stopMatching();
        }
        holding = false;
        writeHeldEvents();
    }

    private void writeHeldEvents() {
        writeSyscall(trap);
        if (trap.sent) {
            // The words as the send began: the kernel may have written the sender's MRs since.
            System.arraycopy(trap.words, 0, sentWords, 0, trap.wordCount);
            writeSend(trap.thread, trap.arguments[TraceFormat.IPC_TO_ARGUMENT], trap.tag,
                    trap.arguments[TraceFormat.IPC_SEND_DESCRIPTOR_ARGUMENT], trap.wordCount);
        }
        if (trap.receiver != null) {
            begin(EventKind.DELIVER, trap.receiver);
            out.u8(TraceFormat.DELIVER_AS_SENT);
        }
    }

    /**
     * The end of an ipc trap held whole: one repeat record when its events are those of its
     * thread's template, message words apart; else its events one by one, as the thread's new
     * template unless a thread died in it.
     */
    private void endHeldTrap() {
        holding = false;
        if (match.active()) {
            IpcTrap template = match.template();
            if (match.complete() && stateChangesAsIn(template.after)) {
                match.end();
                writeRepeat(template, sentWords, match.wordCount());
                return;
            }
            stopMatching();
        }
        collectStateChanges(trap.after);
        IpcTrap template = numbers.template(trap.thread);
        if (template != null && template.sameAs(trap)) {
            template.after.indexesFrom(trap.after);
            writeRepeat(template, trap.words, trap.wordCount);
        } else {
            writeHeldTrap();
        }
    }

    /** The ipc trap held, event by event: its thread's new template unless a thread died in it. */
    private void writeHeldTrap() {
        boolean lasting = trap.lasting();
        if (lasting) {
            out.u8(TraceFormat.TEMPLATE);
            out.varint(trap.events());
        }
        writeHeldEvents();
        writeStateChanges(trap.after);
        if (lasting) {
            numbers.keepTemplate(trap);
        }
    }

    /**
     * True when the state changes and the switch since the states were last recorded are those of
     * {@code changes}, and then they are recorded: {@link #collectStateChanges} would have found
     * them, without looking at every watched thread (the kernel counts its changes).
     */
    private boolean stateChangesAsIn(StateChanges changes) {
        long now = kernel.threadStateChanges();
        if (!watched.changedExactlyAs(changes, now)) {
            return false;
        }
        Thread next = kernel.currentThread();
        if (next == running ? changes.switched : !changes.switched || next != changes.switchedTo) {
            return false;
        }
        watched.record(changes, now);
        running = next;
        return true;
    }

    /** The trap held as its thread's template again: its instant and message words. */
    private void writeRepeat(IpcTrap template, int[] words, int wordCount) {
        out.u8(TraceFormat.REPEAT);
        writeInstant(kernel.instructions(), kernel.clock().now());
        out.varint(template.threadNumber);
        out.words(words, wordCount);
        repeats[repeatCount++ % RecentSyscalls.DEPTH] = template;
    }

    /**
     * What the repeated templates' syscalls leave: the recent syscalls that a syscall record may
     * name. The event after a repeat is written without the same-thread flag and without an echo
     * of the event before (always allowed), so that nothing else need be worked out.
     */
    private void catchUpOnRepeats() {
        if (repeatCount == 0) {
            return;
        }
        for (int i = Math.max(0, repeatCount - RecentSyscalls.DEPTH); i < repeatCount; i++) {
            IpcTrap repeated = repeats[i % RecentSyscalls.DEPTH];
            recentCalls.add(repeated.number, repeated.arguments, repeated.argumentCount);
        }
        repeatCount = 0;
        previousKind = null;
        previousNumber = NOT_A_NUMBER;
    }

    /** Reads the message registers a message with {@code tag} has (MR1 on) into {@code words}; their count. */
    private int readMessage(Thread thread, int tag, int[] words) {
        int count = TraceFormat.messageWords(tag);
        for (int i = 0; i < count; i++) {
            words[i] = kernel.utcbWord(thread, Utcb.MR0 + 1 + i);
        }
        return count;
    }

    /** The IPC parameter block as the kernel will read it, or a 0 byte when there is none or it is unmapped. */
    private void parameterBlock(Thread sender, int address) {
        long physical = address == 0 ? -1 : sender.task().space().translate(address);
        if (physical < 0) {
            out.u8(0);
            return;
        }
        out.u8(1);
        for (int i = 0; i < 4; i++) {
            out.word(kernel.physicalWord(physical + 4L * i));
        }
    }
}
