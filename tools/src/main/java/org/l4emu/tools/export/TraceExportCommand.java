package org.l4emu.tools.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.io.FileUtils;
import org.l4emu.abi.Abi;
import org.l4emu.tools.trace.EventFilter;
import org.l4emu.tools.trace.FilterOptions;
import org.l4emu.tools.trace.IoProblems;
import org.l4emu.tools.trace.OutputLocation;
import org.l4emu.tools.trace.TraceException;
import org.l4emu.tools.trace.TraceFiles;
import org.l4emu.tools.trace.TraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code l4emu trace export --format F FILE -o OUT}: a trace as a Perfetto trace or a sequence diagram. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Export a trace as a picture or for a trace viewer:",
                "  perfetto  trace event JSON for ui.perfetto.dev or chrome://tracing",
                "  mermaid   a Mermaid sequence diagram (text)",
                "  svg       a sequence diagram drawn as an SVG picture"})
public final class TraceExportCommand implements Callable<Integer> {
    enum Format { perfetto, mermaid, svg }

    private static final int DEFAULT_ROWS = 2000;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A trace written by 'l4emu boot --trace'.")
    private Path file;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "perfetto, mermaid or svg.")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Where to write (default: standard output).")
    private Path output;

    @Option(names = "--limit", paramLabel = "ROWS",
            description = "Diagrams: at most ROWS arrows and notes (default: " + DEFAULT_ROWS + ").")
    private int limit = DEFAULT_ROWS;

    @Option(names = "--console", description = "Diagrams: show guest console output as notes.")
    private boolean console;

    @Mixin
    private FilterOptions filter;

    @Override
    public Integer call() {
        EventFilter selection;
        try {
            selection = filter.toFilter(file);
        } catch (IllegalArgumentException | TraceException e) {
            spec.commandLine().getErr().println("l4emu: " + e.getMessage());
            return TraceFiles.BAD_INPUT;
        }
        if (limit < 1) {
            spec.commandLine().getErr().println("l4emu: --limit takes a positive number");
            return TraceFiles.BAD_INPUT;
        }
        Optional<String> unwritable = OutputLocation.ofFile("-o", output);
        if (unwritable.isPresent()) {
            spec.commandLine().getErr().println("l4emu: " + unwritable.get());
            return TraceFiles.BAD_INPUT;
        }
        try {
            return TraceFiles.read(spec, file, reader -> exportTo(reader, selection));
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("l4emu: -o " + output + ": cannot write (" + IoProblems.describe(e.getCause())
                    + ")");
            return Abi.ExitCode.ENVIRONMENT;
        }
    }

    /**
     * Exports to standard output, or to -o through a file beside it that replaces it only once
     * complete: a trace found damaged half way leaves no half picture, and no earlier one lost.
     */
    private void exportTo(TraceReader reader, EventFilter selection) {
        if (output == null) {
            export(reader, selection, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return;
        }
        Path absolute = output.toAbsolutePath();
        Path partial = null;
        try {
            partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
                export(reader, selection, out);
                if (out.checkError()) {
                    throw new IOException("the file system refused the data (is the disk full?)");
                }
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // Gone already after the move; after a failure a stray .part file is the lesser matter.
            if (partial != null) {
                FileUtils.deleteQuietly(partial.toFile());
            }
        }
    }

    private void export(TraceReader reader, EventFilter selection, PrintWriter out) {
        switch (format) {
            case perfetto -> new PerfettoExporter(out).export(reader, selection);
            case mermaid -> MermaidRenderer.render(new SequenceDiagramBuilder(selection, console, limit).build(reader), out);
            case svg -> SvgRenderer.render(new SequenceDiagramBuilder(selection, console, limit).build(reader), out);
        }
    }
}
