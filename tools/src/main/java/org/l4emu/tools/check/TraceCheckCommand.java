package org.l4emu.tools.check;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.TraceFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code l4emu trace check FILE}: the rule checker on a recorded trace. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Check a trace against the SEMANTICS.md rules with a model built from its events alone "
                        + "(docs/checker.md): transparency, deceit, release, timeouts, permissions, isolation.",
                "Prints each violation with its event number and rule id, or one summary line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:no violation",
                "1:at least one violation",
                "2:the file is not a readable l4emu trace"})
public final class TraceCheckCommand implements Callable<Integer> {
    private static final int VIOLATIONS = 1;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TRACE", description = "A trace written by 'l4emu boot --trace'.")
    private Path file;

    @Option(names = "--max", paramLabel = "N", defaultValue = "100",
            description = "Print at most N violations (default: 100); all are counted.")
    private int max;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (max < 0) {
            spec.commandLine().getErr().println("l4emu: --max takes a number of violations, 0 or more");
            return TraceFiles.BAD_INPUT;
        }
        int[] printed = {0};
        RuleChecker checker = new RuleChecker(max, violation -> {
            if (printed[0]++ < max) {
                out.println(violation.describe());
            }
        });
        int read = TraceFiles.read(spec, file, reader -> {
            TraceEvent event;
            while ((event = reader.next()) != null) {
                checker.accept(event);
            }
            checker.finish();
            TraceFiles.warnIfIncomplete(spec, reader, true);
        });
        if (read != 0) {
            return read;
        }
        if (checker.violationCount() == 0) {
            out.printf(Locale.ROOT, "l4emu trace check: %s: %,d events, no violation%n", file.getFileName(),
                    checker.events());
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "l4emu trace check: %s: %,d violation%s in %,d events (%s)%n", file.getFileName(),
                checker.violationCount(), checker.violationCount() == 1 ? "" : "s", checker.events(),
                checker.countsText());
        out.flush();
        return VIOLATIONS;
    }
}
