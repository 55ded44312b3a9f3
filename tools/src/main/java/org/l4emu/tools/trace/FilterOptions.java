package org.l4emu.tools.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.l4emu.abi.Abi;
import picocli.CommandLine.Option;

/** The event filters {@code trace show} and {@code trace export} share. */
public final class FilterOptions {
    @Option(names = "--thread", paramLabel = "NAME", split = ",",
            description = "Only events naming one of these threads (as sender, receiver, monitor, ...).")
    private List<String> threads = new ArrayList<>();

    @Option(names = "--task", paramLabel = "NAME", split = ",", description = "Only events naming a thread of these tasks.")
    private List<String> tasks = new ArrayList<>();

    @Option(names = "--label", paramLabel = "N", split = ",", description = "Only messages with these labels (0x4c or 76).")
    private List<String> labels = new ArrayList<>();

    @Option(names = "--option", paramLabel = "OPTION", split = ",",
            description = "Only messages sent or received with these IPC options (name such as deceit, or code 0-7).")
    private List<String> options = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KIND", split = ",",
            description = "Only these event kinds: thread_start, thread_exit, syscall, send, forward, redirect, deliver,"
                    + " unblock, notify, error, timeout, syscall_error, console, breakpoint, page_fault, map, state, switch, end,"
                    + " rule, allow, thread_created, fault_ipc, items, unmap, deadline, kernel_map.")
    private List<String> kinds = new ArrayList<>();

    @Option(names = "--from-us", paramLabel = "T", description = "Only events at or after T microseconds of virtual time.")
    private double fromMicros = 0;

    @Option(names = "--to-us", paramLabel = "T", description = "Only events at or before T microseconds of virtual time.")
    private double toMicros = Double.POSITIVE_INFINITY;

    @Option(names = "--all", description = "Include system calls, thread state changes and CPU switches.")
    private boolean all;

    /**
     * The filter these options describe for the trace in {@code file}; IllegalArgumentException
     * names a bad value, such as a thread or task the trace does not have (the trace is then read
     * through once first), and TraceException a trace that cannot be read.
     */
    public EventFilter toFilter(Path file) {
        EventFilter filter = parsed();
        if (!threads.isEmpty() || !tasks.isEmpty()) {
            TraceNames names = TraceNames.read(file);
            names.threads().requireAll("--thread", threads);
            names.tasks().requireAll("--task", tasks);
        }
        return filter;
    }

    private EventFilter parsed() {
        Set<Integer> labelSet = new HashSet<>();
        for (String label : labels) {
            try {
                labelSet.add(Words.parse(label) & Abi.Tag.LABEL.mask());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--label takes a number, not '" + label + "'");
            }
        }
        Set<IpcOption> optionSet = EnumSet.noneOf(IpcOption.class);
        for (String option : options) {
            optionSet.add(IpcOption.parse(option).orElseThrow(
                    () -> new IllegalArgumentException("unknown --option '" + option + "'")));
        }
        Set<EventKind> kindSet = EnumSet.noneOf(EventKind.class);
        for (String kind : kinds) {
            kindSet.add(EventKind.named(kind).orElseThrow(
                    () -> new IllegalArgumentException("unknown --kind '" + kind + "'")));
        }
        if (kindSet.isEmpty()) {
            kindSet = EnumSet.allOf(EventKind.class);
            if (!all) {
                kindSet.removeIf(k -> k.group() == EventKind.Group.DETAIL);
            }
        }
        if (fromMicros > toMicros) {
            throw new IllegalArgumentException("--from-us is after --to-us");
        }
        return new EventFilter(Set.copyOf(threads), Set.copyOf(tasks), labelSet, optionSet, kindSet,
                (long) (fromMicros * 1000), Double.isInfinite(toMicros) ? Long.MAX_VALUE : (long) (toMicros * 1000));
    }
}
