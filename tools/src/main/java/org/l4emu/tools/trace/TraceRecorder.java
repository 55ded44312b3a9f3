package org.l4emu.tools.trace;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.ipc.Dope;
import org.l4emu.kernel.ipc.MessageTag;
import org.l4emu.kernel.ipc.SendDescriptor;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * Writes every kernel event to a trace as it happens (binary format, docs/trace-format.md):
 * nothing is kept but the thread table, so traces of any length stream. Besides the kernel's
 * own events it records thread state changes and CPU switches, found by comparing states at
 * the end of each trap and after events outside one (timeouts), when they all share a time.
 */
public final class TraceRecorder implements KernelEvents, AutoCloseable {
    private static final int NO_STATE = -1;

    private final TraceOutput out;
    private final IdentityHashMap<Thread, Integer> threadNumbers = new IdentityHashMap<>();
    private final IdentityHashMap<Task, Integer> taskNumbers = new IdentityHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private int[] lastStates = new int[16];
    /** Most events name the thread the previous one did: a one-entry cache in front of the map. */
    private Thread cachedThread;
    private int cachedNumber;
    private Kernel kernel;
    private Thread running;
    private boolean inTrap;
    private long lastInstructions;
    private long lastTime;

    public TraceRecorder(OutputStream sink, String name, TraceHeader header) {
        this.out = new TraceOutput(sink, name);
        out.raw(TraceFormat.MAGIC);
        out.varint(header.version());
        out.string(header.system());
        out.string(header.arch());
        out.string(header.image());
        out.varint(header.nanosPerInstruction());
    }

    @Override
    public void booted(Kernel kernel) {
        this.kernel = kernel;
        for (Thread thread : kernel.threads().all()) {
            numberOf(thread);
        }
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
        inTrap = true;
        begin(EventKind.SYSCALL, thread);
        out.word(number);
        int count = Abi.Syscall.argumentCount(number);
        out.varint(count);
        for (int i = 0; i < count; i++) {
            out.word(thread.context().argument(i));
        }
    }

    @Override
    public void sendStarted(Thread sender, int to, int tag, int sendDescriptor) {
        boolean forward = SendDescriptor.hasOption(sendDescriptor)
                && Abi.Option.isDeceit(SendDescriptor.optionCode(sendDescriptor));
        begin(forward ? EventKind.FORWARD : EventKind.SEND, sender);
        out.word(to);
        out.word(tag);
        out.word(sendDescriptor);
        messageRegisters(sender, tag);
        parameterBlock(sender, SendDescriptor.parameterBlock(sendDescriptor));
        afterEvent();
    }

    @Override
    public void redirected(Thread sender, int trueSource, Thread intendedReceiver, Thread monitor,
                           MonitorClass monitorClass) {
        int intended = numberOf(intendedReceiver);
        int monitorNumber = numberOf(monitor);
        begin(EventKind.REDIRECT, sender);
        out.word(trueSource);
        out.varint(intended);
        out.varint(monitorNumber);
        out.u8(monitorClass.code());
        afterEvent();
    }

    @Override
    public void delivered(Thread sender, Thread receiver, int from, int tag, int dope) {
        int senderNumber = sender == null ? TraceFormat.NO_THREAD : numberOf(sender);
        begin(EventKind.DELIVER, receiver);
        out.varint(senderNumber);
        out.word(from);
        out.word(tag);
        out.word(dope);
        messageRegisters(receiver, tag);
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
    public void mapped(Task task, int virtualAddress, int rightsBits) {
        int taskNumber = taskNumberOf(task);
        begin(EventKind.MAP, null);
        out.varint(taskNumber);
        out.word(virtualAddress);
        out.word(rightsBits);
        afterEvent();
    }

    @Override
    public void trapHandled(Thread thread) {
        inTrap = false;
        recordStateChanges();
    }

    @Override
    public void finished(int exitCode) {
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

    /** Starts an event record; every thread and task it names must be defined before this. */
    private void begin(EventKind kind, Thread thread) {
        int number = thread == null ? TraceFormat.NO_THREAD : numberOf(thread);
        long instructions = kernel.instructions();
        long time = kernel.clock().now();
        out.u8(kind.code());
        out.varint(instructions - lastInstructions);
        out.varint(time - lastTime);
        out.varint(number);
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
        for (int i = 0; i < threads.size(); i++) {
            Thread thread = threads.get(i);
            int state = ThreadStateCodes.of(thread.state());
            if (state != lastStates[i]) {
                lastStates[i] = state;
                begin(EventKind.STATE, thread);
                out.u8(state);
            }
        }
        Thread next = kernel.currentThread();
        if (next != running) {
            running = next;
            begin(EventKind.SWITCH, next);
        }
    }

    private void messageRegisters(Thread thread, int tag) {
        int words = Math.min(MessageTag.wordCount(tag), MessageTag.MAX_WORDS);
        out.varint(words);
        for (int i = 1; i <= words; i++) {
            out.word(kernel.utcbWord(thread, Utcb.MR0 + i));
        }
    }

    /** The IPC parameter block as the kernel will read it, or a 0 byte when there is none or it is unmapped. */
    private void parameterBlock(Thread sender, int address) {
        long physical = address == 0 ? -1 : sender.task().space().translate(address);
        if (physical < 0) {
            out.u8(0);
            return;
        }
        PhysicalMemory memory = kernel.machine().memory();
        out.u8(1);
        for (int i = 0; i < 4; i++) {
            out.word(memory.readWord(physical + 4L * i));
        }
    }

    /** The thread's number on the wire (1-based), defining it on first sight. */
    private int numberOf(Thread thread) {
        if (thread == cachedThread) {
            return cachedNumber;
        }
        Integer known = threadNumbers.get(thread);
        if (known != null) {
            cachedThread = thread;
            cachedNumber = known;
            return known;
        }
        int task = taskNumberOf(thread.task());
        int number = threads.size() + 1;
        threadNumbers.put(thread, number);
        threads.add(thread);
        if (threads.size() > lastStates.length) {
            lastStates = Arrays.copyOf(lastStates, lastStates.length * 2);
        }
        lastStates[threads.size() - 1] = NO_STATE;
        out.u8(TraceFormat.DEFINE_THREAD);
        out.word(thread.id());
        out.string(thread.name());
        out.varint(task);
        return number;
    }

    private int taskNumberOf(Task task) {
        Integer known = taskNumbers.get(task);
        if (known != null) {
            return known;
        }
        int number = taskNumbers.size() + 1;
        taskNumbers.put(task, number);
        out.u8(TraceFormat.DEFINE_TASK);
        out.string(task.name());
        out.u8((task.privileged() ? TraceFormat.TASK_PRIVILEGED : 0) | (task.monitor() ? TraceFormat.TASK_MONITOR : 0));
        return number;
    }
}
