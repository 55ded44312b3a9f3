package org.l4emu.tools.trace;

import org.l4emu.tools.check.TraceCheckCommand;
import org.l4emu.tools.export.TraceExportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code l4emu trace}: read traces written by {@code l4emu boot --trace}. */
@Command(name = "trace",
        mixinStandardHelpOptions = true,
        description = {"Inspect a trace written by 'l4emu boot --trace FILE'.",
                "The format is described in docs/trace-format.md."},
        subcommands = {TraceShowCommand.class, TraceStatsCommand.class, TraceDumpCommand.class,
                TraceExportCommand.class, TraceSchemaCommand.class, TraceCheckCommand.class})
public final class TraceCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (show, stats, dump, export, schema or check)");
    }
}
