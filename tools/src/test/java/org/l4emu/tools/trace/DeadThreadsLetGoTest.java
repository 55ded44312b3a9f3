package org.l4emu.tools.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.tools.fuzz.FuzzRuns;

/**
 * A reader that lets dead threads go (as the live rule checker's does) reads a run that makes
 * and deletes threads for ever as a reader that keeps every definition does, and keeps only
 * the definitions still in use (the fuzz system has under a hundred threads alive at a time).
 */
class DeadThreadsLetGoTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a kernel-level fuzz run: the same events, and the definitions of gone tasks and threads let go")
    void fuzzRunReadsTheSameWithBoundedDefinitions() {
        Path trace = dir.resolve("fuzz.trace");
        FuzzRuns run = FuzzRuns.fuzz("--kernel", "--seed=1", "--syscalls=60000", "--trace=" + trace);
        assertEquals(0, run.exitCode(), run.all());
        List<String> kept = new ArrayList<>();
        try (TraceReader reader = TraceReader.open(trace)) {
            TraceEvent event;
            while ((event = reader.next()) != null) {
                kept.add(text(event));
            }
        }
        try (TraceReader reader = TraceReader.open(trace)) {
            reader.letDeadThreadsGo();
            int i = 0;
            TraceEvent event;
            while ((event = reader.next()) != null) {
                assertEquals(kept.get(i), text(event), "event " + i);
                i++;
            }
            assertEquals(kept.size(), i);
            long defined = reader.threads().size();
            long inUse = reader.threads().stream().filter(Objects::nonNull).count();
            long tasksInUse = reader.tasks().stream().filter(Objects::nonNull).count();
            assertTrue(defined > 1000, "the run makes many threads: " + defined);
            assertTrue(inUse < 150, inUse + " of " + defined + " thread definitions kept");
            assertTrue(tasksInUse < 50, tasksInUse + " of " + reader.tasks().size() + " task definitions kept");
        }
    }

    private static String text(TraceEvent event) {
        // Not the details' text: a reference by ID to a thread let go shows the bare ID instead of its name.
        return event.seq() + " " + event.timeNanos() + " " + event.instructions() + " " + event.kind() + " "
                + (event.thread() == null ? "-" : event.thread().number() + " " + event.thread().name()) + " "
                + event.detail().getClass().getSimpleName();
    }
}
