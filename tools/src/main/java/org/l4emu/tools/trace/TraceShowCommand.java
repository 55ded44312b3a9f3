package org.l4emu.tools.trace;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.l4emu.abi.Abi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code l4emu trace show FILE}: the events of a trace as a table, filtered. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = {"Print a trace's events as a table (or as JSON Lines with --json).",
                "By default system calls, thread state changes and CPU switches are left out; --all shows them."})
final class TraceShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A trace written by 'l4emu boot --trace'.")
    private Path file;

    @Mixin
    private FilterOptions filter;

    @Option(names = "--json", description = "Print the matching events as JSON Lines (the form of 'trace dump').")
    private boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N matching events.")
    private long limit = Long.MAX_VALUE;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (limit < 1) {
            spec.commandLine().getErr().println("l4emu: --limit takes a positive number");
            return Abi.ExitCode.BAD_INPUT;
        }
        EventFilter selection;
        try {
            selection = filter.toFilter(file);
        } catch (IllegalArgumentException | TraceException e) {
            spec.commandLine().getErr().println("l4emu: " + e.getMessage());
            return Abi.ExitCode.BAD_INPUT;
        }
        return TraceFiles.read(spec, file, reader -> {
            if (json) {
                printJson(reader, selection);
            } else {
                printTable(reader, selection, out);
            }
        });
    }

    private void printTable(TraceReader reader, EventFilter selection, PrintWriter out) {
        EventTable table = null;
        long shown = 0;
        TraceEvent event;
        while (shown < limit && (event = reader.next()) != null) {
            if (table == null) {
                int width = reader.threads().stream().mapToInt(t -> t.name().length()).max().orElse(6);
                table = new EventTable(out, width);
                out.println("trace of " + reader.header().system() + " (" + reader.header().image() + ", "
                        + reader.header().arch() + ")");
                table.heading();
            }
            if (selection.test(event)) {
                table.row(event);
                shown++;
            }
        }
        out.flush();
        TraceFiles.warnIfIncomplete(spec, reader, shown < limit);
    }

    private void printJson(TraceReader reader, EventFilter selection) {
        try (TraceJsonWriter writer = new TraceJsonWriter(spec.commandLine().getOut())) {
            long shown = 0;
            TraceEvent event;
            while (shown < limit && (event = reader.next()) != null) {
                if (selection.test(event)) {
                    writer.event(event);
                    shown++;
                }
            }
        }
    }
}
