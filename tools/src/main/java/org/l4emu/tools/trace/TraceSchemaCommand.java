package org.l4emu.tools.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code l4emu trace schema}: prints the JSON schema of the trace's JSON Lines form. */
@Command(name = "schema",
        mixinStandardHelpOptions = true,
        description = "Print the JSON schema (draft 2020-12) that every line of 'l4emu trace dump' satisfies.")
final class TraceSchemaCommand implements Callable<Integer> {
    static final String RESOURCE = "trace-v2.schema.json";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        spec.commandLine().getOut().print(text());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The schema as shipped in the jar. */
    public static String text() throws IOException {
        try (InputStream in = TraceSchemaCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the l4emu jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
