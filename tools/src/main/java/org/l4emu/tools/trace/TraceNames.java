package org.l4emu.tools.trace;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Every thread and task name a trace defines. Definitions come anywhere in a trace (a task the
 * run creates is defined where it appears), so the trace is read through once, before the command
 * that filters by name does its work.
 */
public record TraceNames(KnownNames threads, KnownNames tasks) {
    public static TraceNames read(Path file) {
        Set<String> threads = new LinkedHashSet<>();
        Set<String> tasks = new LinkedHashSet<>();
        try (TraceReader reader = TraceReader.open(file)) {
            while (reader.next() != null) {
                // only the definitions read on the way matter
            }
            reader.threads().stream().filter(Objects::nonNull).forEach(thread -> threads.add(thread.name()));
            reader.tasks().stream().filter(Objects::nonNull).forEach(task -> tasks.add(task.name()));
        }
        return new TraceNames(new KnownNames("thread", file.toString(), threads),
                new KnownNames("task", file.toString(), tasks));
    }
}
