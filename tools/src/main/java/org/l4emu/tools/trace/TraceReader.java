package org.l4emu.tools.trace;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
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
    /** Version 2 wrote counts and every field where version 3 derives them or echoes the event before. */
    private final boolean version2;
    /** The event read last, which version 3's flags and echoes refer to; its thread number (0: none). */
    private TraceEvent previous;
    private int previousNumber = TraceFormat.NO_THREAD;
    /** The thread of the event being read. */
    private ThreadInfo eventThread;
    /** The syscalls a version 3 syscall record may repeat. */
    private final RecentSyscalls recentCalls = new RecentSyscalls();
    /** Version 4's trap templates, and the events of a repeat record not yet returned. */
    private final TrapTemplates templates = new TrapTemplates();
    private final ArrayDeque<TraceEvent> repeated = new ArrayDeque<>();
    private final boolean trapRecords;

    /** Reads the header from {@code stream}; {@code name} is for error messages. */
    public TraceReader(InputStream stream, String name) {
        this.stream = stream;
        this.in = new TraceInput(stream, name);
        this.header = readHeader(name);
        this.version2 = header.version() == 2;
        this.trapRecords = header.version() >= TraceFormat.TRAP_RECORDS;
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
        if (version < TraceFormat.OLDEST_READ) {
            throw new TraceException(name + ": trace format version " + version + " is older than this l4emu reads"
                    + " (versions " + TraceFormat.OLDEST_READ + " to " + TraceFormat.VERSION
                    + "): record the run again with 'l4emu boot --trace'");
        }
        if (version > TraceFormat.VERSION) {
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
        if (!repeated.isEmpty()) {
            return repeated.poll();
        }
        while (true) {
            int tag = in.u8OrEnd();
            if (tag < 0) {
                return null;
            }
            switch (tag) {
                case TraceFormat.DEFINE_TASK -> defineTask();
                case TraceFormat.DEFINE_THREAD -> defineThread();
                case TraceFormat.TEMPLATE -> {
                    if (!trapRecords) {
                        return event(tag);
                    }
                    startTemplate();
                }
                case TraceFormat.REPEAT -> {
                    if (!trapRecords) {
                        return event(tag);
                    }
                    repeat();
                    return repeated.poll();
                }
                default -> {
                    return event(tag);
                }
            }
        }
    }

    private void startTemplate() {
        if (templates.collecting()) {
            throw in.malformed("a template inside a template");
        }
        // A trap's syscall, send, delivery and switch, and a state change of at most every thread.
        int events = in.count(4 + threads.size(), "template events");
        if (events == 0) {
            throw in.malformed("a template of no events");
        }
        templates.start(events);
    }

    /** A repeat record: its thread's template again, at a new instant, with new message words. */
    private void repeat() {
        if (templates.collecting()) {
            throw in.malformed("a repeat inside a template");
        }
        instructions += in.varint();
        time += in.varint();
        int number = in.count(threads.size(), "thread number");
        ThreadInfo thread = optionalThread(number);
        List<TraceEvent> template = thread == null ? null : templates.of(thread);
        if (template == null) {
            throw in.malformed("a repeat of thread " + number + ", which has no template");
        }
        int[] words = words(TrapTemplates.words(template));
        for (TraceEvent event : TrapTemplates.repeat(template, seq, time, instructions, words)) {
            if (event.detail() instanceof EventDetail.Syscall call) {
                recentCalls.add(call.number(), call.arguments(), call.arguments().length);
            }
            previous = event;
            previousNumber = event.thread() == null ? TraceFormat.NO_THREAD : event.thread().number();
            eventThread = event.thread();
            seq++;
            repeated.add(event);
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
        EventKind kind = EventKind.ofCode(tag & TraceFormat.KIND_MASK);
        if (kind == null) {
            throw in.malformed("unknown record type 0x" + Integer.toHexString(tag));
        }
        if ((tag & TraceFormat.SAME_INSTANT) == 0) {
            instructions += in.varint();
            time += in.varint();
        }
        int number = (tag & TraceFormat.SAME_THREAD) == 0 ? in.count(threads.size(), "thread number") : previousNumber;
        ThreadInfo thread = optionalThread(number);
        if (thread == null && kind.namesThread()) {
            throw in.malformed("a " + kind.jsonName() + " event that names no thread");
        }
        previousNumber = number;
        eventThread = thread;
        EventDetail detail = detail(kind);
        if (kind == EventKind.END) {
            ended = true;
        }
        if (detail instanceof EventDetail.StateChange change && change.state().equals(ThreadStateCodes.DEAD_NAME)) {
            templates.forget(thread);
        }
        if (inUse != null) {
            letGoAfter(thread, detail);
        }
        previous = new TraceEvent(seq++, time, instructions, kind, thread, detail);
        if (templates.collecting()) {
            String problem = templates.add(previous);
            if (problem != null) {
                throw in.malformed(problem);
            }
        }
        return previous;
    }

    private EventDetail detail(EventKind kind) {
        return switch (kind) {
            case THREAD_START -> new EventDetail.ThreadStart(in.word());
            case THREAD_EXIT -> new EventDetail.ThreadExit(in.string());
            case SYSCALL -> syscall();
            case SEND, FORWARD -> send();
            case REDIRECT -> new EventDetail.Redirect(ref(), thread(), thread(), monitorClass());
            case DELIVER -> deliver();
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
        return words(in.count(1 << 16, "word count"));
    }

    /** A message's registers (MR1 on): version 2 counted them, version 3 takes the count from the tag. */
    private int[] messageWords(int tag) {
        return version2 ? words() : words(TraceFormat.messageWords(tag));
    }

    private int[] words(int count) {
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = in.word();
        }
        return words;
    }

    private EventDetail.Syscall syscall() {
        if (version2) {
            return new EventDetail.Syscall(in.word(), words());
        }
        int form = in.u8();
        int number;
        int[] arguments;
        if (form == TraceFormat.SYSCALL_IN_FULL) {
            number = in.word();
            arguments = words(Abi.Syscall.argumentCount(number));
        } else if (recentCalls.holds(form)) {
            number = recentCalls.number(form);
            arguments = recentCalls.arguments(form, Abi.Syscall.argumentCount(number));
        } else {
            throw in.malformed("a syscall that repeats the one " + form + " back, with fewer before it");
        }
        recentCalls.add(number, arguments, arguments.length);
        return new EventDetail.Syscall(number, arguments);
    }

    private EventDetail.Send send() {
        if (version2) {
            ThreadRef to = ref();
            int tag = in.word();
            int descriptor = in.word();
            return send(to, descriptor, tag);
        }
        int form = in.u8();
        if (form == TraceFormat.SEND_IN_FULL) {
            ThreadRef to = ref();
            int descriptor = in.word();
            return send(to, descriptor, in.word());
        }
        if (form != TraceFormat.SEND_AS_CALLED) {
            throw in.malformed("unknown send form " + form);
        }
        if (previous == null || eventThread == null || previous.thread() != eventThread
                || !(previous.detail() instanceof EventDetail.Syscall call) || call.number() != Abi.Syscall.IPC) {
            throw in.malformed("a send as called that does not follow its thread's ipc");
        }
        int[] arguments = call.arguments();
        return send(thread(arguments[TraceFormat.IPC_TO_ARGUMENT]), arguments[TraceFormat.IPC_SEND_DESCRIPTOR_ARGUMENT],
                in.word());
    }

    private EventDetail.Send send(ThreadRef to, int descriptor, int tag) {
        int[] words = messageWords(tag);
        EventDetail.ParameterBlock block = parameterBlock();
        return new EventDetail.Send(to, tag, descriptor, words, block,
                TraceFormat.readsMr1(descriptor) ? in.word() : 0);
    }

    private EventDetail.Deliver deliver() {
        if (!version2) {
            int form = in.u8();
            if (form == TraceFormat.DELIVER_AS_SENT) {
                return deliverAsSent();
            }
            if (form != TraceFormat.DELIVER_IN_FULL) {
                throw in.malformed("unknown deliver form " + form);
            }
        }
        ThreadInfo sender = optionalThread();
        ThreadRef from = ref();
        int tag = in.word();
        int dope = in.word();
        return new EventDetail.Deliver(sender, from, tag, dope, messageWords(tag), in.word(),
                (int) Math.min(in.varint(), Integer.MAX_VALUE) - 1);
    }

    /** The message of the send event just before, delivered whole from its thread. */
    private EventDetail.Deliver deliverAsSent() {
        if (previous == null || !(previous.detail() instanceof EventDetail.Send send) || previous.thread() == null) {
            throw in.malformed("a delivery as sent that does not follow a send");
        }
        ThreadInfo sender = previous.thread();
        int[] words = send.words().clone();
        return new EventDetail.Deliver(sender, thread(sender.id()), send.tag(), 0, words, send.tag(), words.length);
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
        return optionalThread(in.count(threads.size(), "thread number"));
    }

    private ThreadInfo optionalThread(int number) {
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
