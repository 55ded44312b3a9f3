package org.l4emu.tools.trace;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code l4emu trace dump FILE}: the whole trace as JSON Lines (schema trace-v2.schema.json). */
@Command(name = "dump",
        mixinStandardHelpOptions = true,
        description = {"Print a whole trace as JSON Lines: a header object, then one object per event.",
                "Its JSON schema is what 'l4emu trace schema' prints (docs/trace-format.md)."})
final class TraceDumpCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A trace written by 'l4emu boot --trace'.")
    private Path file;

    @Override
    public Integer call() {
        return TraceFiles.read(spec, file, reader -> {
            try (TraceJsonWriter writer = new TraceJsonWriter(spec.commandLine().getOut())) {
                writer.header(reader.header());
                TraceEvent event;
                while ((event = reader.next()) != null) {
                    writer.event(event);
                }
            }
            TraceFiles.warnIfIncomplete(spec, reader, true);
        });
    }
}
