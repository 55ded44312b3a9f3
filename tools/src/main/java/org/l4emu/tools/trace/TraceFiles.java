package org.l4emu.tools.trace;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.l4emu.abi.Abi;
import picocli.CommandLine.Model.CommandSpec;

/** Opens a trace for a command and turns a bad file into one line and exit code 2. */
public final class TraceFiles {
    public static final int BAD_INPUT = Abi.ExitCode.BAD_INPUT;

    private TraceFiles() {}

    /** Runs {@code work} on the trace in {@code file}; returns the command's exit code. */
    public static int read(CommandSpec spec, Path file, Consumer<TraceReader> work) {
        try (TraceReader reader = TraceReader.open(file)) {
            work.accept(reader);
            return 0;
        } catch (TraceException e) {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println("l4emu: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    /** A trace without its end event was cut short (the run was killed): say so, once. */
    public static void warnIfIncomplete(CommandSpec spec, TraceReader reader, boolean readToEnd) {
        if (readToEnd && !reader.ended()) {
            spec.commandLine().getErr().println("l4emu: note: the trace ends before the run did (no end event)");
        }
    }
}
