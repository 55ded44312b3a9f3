package org.l4emu.tools.trace;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.l4emu.abi.Abi;

/**
 * Streams the events of a binary trace one at a time, so traces larger than memory can be shown,
 * counted and exported. Only the thread and task tables are kept.
 */
public final class TraceReader implements AutoCloseable {
    private final InputStream stream;
    private final TraceInput in;
    private final TraceHeader header;
    private final List<TaskInfo> tasks = new ArrayList<>();
    private final List<ThreadInfo> threads = new ArrayList<>();
    private final Map<Integer, ThreadInfo> threadsById = new HashMap<>();
    /** Set by {@link #letDeadThreadsGo}: what the recorder still names, as it counts it. */
    private DefinitionsInUse inUse;
    private long seq;
    private long instructions;
    private long time;
    private boolean ended;

    /** Reads the header from {@code stream}; {@code name} is for error messages. */
    public TraceReader(InputStream stream, String name) {
        this.stream = stream;
        this.in = new TraceInput(stream, name);
        this.header = readHeader(name);
    }

    public static TraceReader open(Path file) {
        try {
            return new TraceReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16), file.toString());
        } catch (NoSuchFileException e) {
            throw new TraceException(file + ": no such file");
        } catch (IOException e) {
            throw new TraceException(file + ": cannot read (" + IoProblems.describe(e) + ")", e);
        }
    }

    private TraceHeader readHeader(String name) {
        for (byte expected : TraceFormat.MAGIC) {
            int b = in.u8OrEnd();
            if (b != (expected & 0xFF)) {
                throw new TraceException(name + ": not an l4emu trace (written by 'l4emu boot --trace')");
            }
        }
        int version = in.count(Integer.MAX_VALUE, "version");
        if (version < TraceFormat.VERSION) {
            throw new TraceException(name + ": trace format version " + version + " is older than this l4emu reads"
                    + " (version " + TraceFormat.VERSION + "): record the run again with 'l4emu boot --trace'");
        }
        if (version != TraceFormat.VERSION) {
            throw new TraceException(name + ": trace format version " + version + " is newer than this l4emu reads"
                    + " (version " + TraceFormat.VERSION + ")");
        }
        return new TraceHeader(version, in.string(), in.string(), in.string(), in.varint());
    }

    public TraceHeader header() {
        return header;
    }

    /**
     * From now on a thread's definition is let go with its change to dead, and a task's with the
     * last of its threads, unless a rule names them, just as the recorder lets their numbers go:
     * a reader that follows a run for ever (the live rule checker) keeps bounded memory. What
     * {@link #threads()} and {@link #tasks()} return then has gaps (null) for them.
     */
    public void letDeadThreadsGo() {
        inUse = new DefinitionsInUse();
    }

    /** The threads defined so far, in trace order. */
    public List<ThreadInfo> threads() {
        return Collections.unmodifiableList(threads);
    }

    public List<TaskInfo> tasks() {
        return Collections.unmodifiableList(tasks);
    }

    /** True once the end event (the run's exit code) was read: the trace is complete. */
    public boolean ended() {
        return ended;
    }

    /** The next event, or null at the end of the input. */
    public TraceEvent next() {
        while (true) {
            int tag = in.u8OrEnd();
            if (tag < 0) {
                return null;
            }
            switch (tag) {
                case TraceFormat.DEFINE_TASK -> defineTask();
                case TraceFormat.DEFINE_THREAD -> defineThread();
                default -> {
                    return event(tag);
                }
            }
        }
    }

    private void defineTask() {
        String name = in.string();
        int flags = in.u8();
        tasks.add(new TaskInfo(tasks.size() + 1, name, (flags & TraceFormat.TASK_PRIVILEGED) != 0,
                (flags & TraceFormat.TASK_MONITOR) != 0));
    }

    private void defineThread() {
        int id = in.word();
        String name = in.string();
        TaskInfo task = task();
        ThreadInfo thread = new ThreadInfo(threads.size() + 1, id, name, task, in.word());
        threads.add(thread);
        threadsById.put(id, thread);
        if (inUse != null) {
            inUse.defined(task);
        }
    }

    private TraceEvent event(int tag) {
        EventKind kind = EventKind.ofCode(tag);
        if (kind == null) {
            throw in.malformed("unknown record type 0x" + Integer.toHexString(tag));
        }
        instructions += in.varint();
        time += in.varint();
        ThreadInfo thread = optionalThread();
        EventDetail detail = detail(kind);
        if (kind == EventKind.END) {
            ended = true;
        }
        if (inUse != null) {
            letGoAfter(thread, detail);
        }
        return new TraceEvent(seq++, time, instructions, kind, thread, detail);
    }

    private EventDetail detail(EventKind kind) {
        return switch (kind) {
            case THREAD_START -> new EventDetail.ThreadStart(in.word());
            case THREAD_EXIT -> new EventDetail.ThreadExit(in.string());
            case SYSCALL -> new EventDetail.Syscall(in.word(), words());
            case SEND, FORWARD -> send();
            case REDIRECT -> new EventDetail.Redirect(ref(), thread(), thread(), monitorClass());
            case DELIVER -> new EventDetail.Deliver(optionalThread(), ref(), in.word(), in.word(), words(), in.word(),
                    (int) Math.min(in.varint(), Integer.MAX_VALUE) - 1);
            case UNBLOCK -> new EventDetail.Unblock(in.word(), in.string());
            case NOTIFY -> new EventDetail.Notify(ref(), ref(), ref(), in.word());
            case ERROR, TIMEOUT -> new EventDetail.Failure(in.word());
            case SYSCALL_ERROR -> new EventDetail.SyscallError(in.word(), in.word());
            case CONSOLE -> new EventDetail.Console(in.bytes());
            case BREAKPOINT -> new EventDetail.Breakpoint(in.word());
            case PAGE_FAULT -> new EventDetail.PageFault(in.word(), in.word(), in.word());
            case MAP -> new EventDetail.Mapping(task(), in.word(), in.word(), grant(), task(), in.word());
            case KERNEL_MAP -> new EventDetail.KernelMapping(task(), in.word(), in.word());
            case UNMAP -> new EventDetail.Unmapping(task(), in.word(), in.word());
            case RULE -> rule();
            case ALLOW -> new EventDetail.Allow(task(), task());
            case THREAD_CREATED -> new EventDetail.ThreadCreated();
            case FAULT_IPC -> new EventDetail.FaultIpc(ref());
            case ITEMS -> new EventDetail.Items(thread(), in.u8() == TraceFormat.WHOLE_SPACE, in.word(), words());
            case DEADLINE -> new EventDetail.Deadline(in.varint());
            case STATE -> new EventDetail.StateChange(state());
            case SWITCH -> new EventDetail.Switch();
            case END -> new EventDetail.End(in.word());
        };
    }

    private void letGoAfter(ThreadInfo thread, EventDetail detail) {
        if (detail instanceof EventDetail.Rule rule) {
            inUse.rule(rule.added(), rule.source(), rule.dest(), rule.monitor());
        } else if (detail instanceof EventDetail.StateChange change && change.state().equals(ThreadStateCodes.DEAD_NAME)
                && inUse.died(thread)) {
            threads.set(thread.number() - 1, null);
            threadsById.remove(thread.id(), thread);
            TaskInfo task = thread.task();
            if (inUse.lastOf(task)) {
                tasks.set(task.number() - 1, null);
            }
        }
    }

    private EventDetail.Rule rule() {
        int operation = in.u8();
        if (operation != TraceFormat.RULE_ADDED && operation != TraceFormat.RULE_REMOVED) {
            throw in.malformed("unknown rule operation " + operation);
        }
        TaskInfo source = optionalTask();
        TaskInfo dest = optionalTask();
        ThreadInfo monitor = thread();
        boolean added = operation == TraceFormat.RULE_ADDED;
        return new EventDetail.Rule(added, source, dest, monitor, added ? monitorClass() : null);
    }

    private boolean grant() {
        int how = in.u8();
        if (how != TraceFormat.MAPPED && how != TraceFormat.GRANTED) {
            throw in.malformed("unknown mapping kind " + how);
        }
        return how == TraceFormat.GRANTED;
    }

    private TaskInfo task() {
        TaskInfo task = optionalTask();
        if (task == null) {
            throw in.malformed("missing task");
        }
        return task;
    }

    /** A task number, 0 standing for none (any task). */
    private TaskInfo optionalTask() {
        int number = in.count(tasks.size(), "task number");
        return number == TraceFormat.ANY_TASK ? null : defined(tasks.get(number - 1), "task", number);
    }

    private int[] words() {
        int count = in.count(1 << 16, "word count");
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = in.word();
        }
        return words;
    }

    private EventDetail.Send send() {
        ThreadRef to = ref();
        int tag = in.word();
        int descriptor = in.word();
        int[] words = words();
        EventDetail.ParameterBlock block = parameterBlock();
        return new EventDetail.Send(to, tag, descriptor, words, block,
                TraceFormat.readsMr1(descriptor) ? in.word() : 0);
    }

    private EventDetail.ParameterBlock parameterBlock() {
        if (in.u8() == 0) {
            return null;
        }
        return new EventDetail.ParameterBlock(ref(), ref(), ref(), in.word());
    }

    private ThreadRef ref() {
        return thread(in.word());
    }

    /** A thread ID as a reference to the thread the trace defined with it, if any. */
    public ThreadRef thread(int id) {
        return new ThreadRef(id, threadsById.get(id));
    }

    private ThreadInfo optionalThread() {
        int number = in.count(threads.size(), "thread number");
        return number == TraceFormat.NO_THREAD ? null : defined(threads.get(number - 1), "thread", number);
    }

    private <T> T defined(T info, String what, int number) {
        if (info == null) {
            throw in.malformed(what + " " + number + " is named after its end");
        }
        return info;
    }

    private ThreadInfo thread() {
        ThreadInfo thread = optionalThread();
        if (thread == null) {
            throw in.malformed("missing thread");
        }
        return thread;
    }

    private String monitorClass() {
        int code = in.u8();
        String name = Abi.MonitorClass.name(code);
        if (name == null) {
            throw in.malformed("unknown monitor class " + code);
        }
        return name;
    }

    private String state() {
        int code = in.u8();
        String name = ThreadStateCodes.name(code);
        if (name == null) {
            throw in.malformed("unknown thread state " + code);
        }
        return name;
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new TraceException("cannot close trace (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "TraceReader" + Arrays.asList(header.system(), header.image());
    }
}
