package org.l4emu.tools.harness;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Architecture;
import org.l4emu.tools.Installation;
import org.l4emu.tools.trace.OutputLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code l4emu test}: run guest regression cases and compare what they show with what they expect. */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        description = {"Run guest regression tests: boot each case's system and compare its IPC and output "
                + "with what the case expects.",
                "Every NAME.test.yaml below each DIR (default: the project's suite, guest-programs/tests) is a case; "
                        + "the exit code, console, kernel log and IPC transcript are compared with golden files and "
                        + "expected lines. Cases run in parallel, one machine each. The format: "
                        + "guest-programs/tests/README.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                Abi.ExitCode.ALL_EXITED + ":every case passed",
                Abi.ExitCode.FAILED + ":a case failed or could not run",
                Abi.ExitCode.BAD_INPUT + ":bad input (no such DIR, no case selected, options)"})
public final class TestCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..*",
            description = "Directories searched for *.test.yaml case files (subdirectories too), or case files.")
    private List<Path> roots = List.of();

    @Option(names = "--junit", paramLabel = "DIR", description = "Write JUnit XML reports (TEST-SUITE.xml) into DIR.")
    private Path junit;

    @Option(names = "--update", description = "Re-record the golden files of the selected cases from this run.")
    private boolean update;

    @Option(names = "--filter", paramLabel = "PATTERN",
            description = "Run only cases whose name contains PATTERN, or matches it with * wildcards (repeatable).")
    private List<String> filters = List.of();

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "arm",
            description = "The architecture to run on: {arch} in case files' paths stands for it (default: arm).")
    private String arch;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Cases run at a time (default: one per core).")
    private Integer jobs;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (jobs != null && jobs < 1) {
            err.println("l4emu: --jobs takes a positive number");
            return Abi.ExitCode.BAD_INPUT;
        }
        Architecture architecture;
        try {
            architecture = Architecture.fromXmlName(arch);
        } catch (IllegalArgumentException e) {
            err.println("l4emu: --arch: " + e.getMessage() + " (known: " + CaseFileReader.knownArchitectures() + ")");
            return Abi.ExitCode.BAD_INPUT;
        }
        Optional<String> unwritable = OutputLocation.ofDirectory("--junit", junit);
        if (unwritable.isPresent()) {
            err.println("l4emu: " + unwritable.get());
            return Abi.ExitCode.BAD_INPUT;
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        List<CaseLocation> cases;
        try {
            cases = CaseDiscovery.find(roots.isEmpty() ? List.of(Installation.guestTestDirectory()) : roots)
                    .stream().filter(new CaseFilter(filters)).toList();
        } catch (CaseFileException e) {
            err.println("l4emu: " + e.getMessage());
            return Abi.ExitCode.BAD_INPUT;
        }
        if (cases.isEmpty()) {
            err.println("l4emu: no test case " + (filters.isEmpty() ? "found" : "matches " + String.join(", ", filters))
                    + " (case files are named NAME" + CaseFileReader.SUFFIX + ")");
            return Abi.ExitCode.BAD_INPUT;
        }
        int threads = jobs != null ? jobs : SuiteRunner.defaultThreads();
        ProgressReport report = new ProgressReport(spec.commandLine().getOut(), workingDirectory);
        report.started(cases, architecture, threads);
        List<CaseResult> results;
        try (SuiteRunner runner = new SuiteRunner(architecture, threads, new CaseChecker(update, workingDirectory))) {
            results = runner.run(cases, report::finished);
        }
        report.summary(results);
        if (junit != null) {
            try {
                new JunitXmlReport(junit, workingDirectory).write(results);
            } catch (ReportException e) {
                err.println("l4emu: " + e.getMessage());
                return Abi.ExitCode.FAILED;
            }
        }
        return results.stream().anyMatch(CaseResult::failed) ? Abi.ExitCode.FAILED : 0;
    }
}
