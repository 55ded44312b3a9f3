package org.l4emu.tools.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.EngineInfo;
import org.l4emu.tools.Installation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code l4emu bench}: IPC and emulator figures on the project's benchmark guests, with their targets. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {"Measure the trap floor, IPC round trips (direct and through monitors), trace recording,"
                + " guest compute, task creation and memory on benchmark guests, and the start-up of l4emu boot.",
                "Each figure is the median of --runs runs after --warmup uncounted ones; host time is taken"
                + " between two guest marks (start-up: whole processes against a bare JVM). The targets that are"
                + " ratios to the direct round trip (one monitor, trace recording) are judged by runs paired with"
                + " direct ones.",
                "With --engine (and --public) the same figures on other Unicorn libraries (and through the"
                + " public API alone), each architecture and engine side by side."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Runs per figure (default: 5).")
    private int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
            description = "Uncounted runs before each figure's counted ones (default: 2; a paired figure's are pairs):"
                    + " a figure's first runs pay for compiling the code it is the first to use. The memory figure"
                    + " takes none.")
    private int warmups;

    @Option(names = "--guests", paramLabel = "DIR",
            description = "Where the benchmark guests are, in DIR/arm and DIR/x86 (default: guest-programs/target of"
                    + " this installation).")
    private Path guests;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "all",
            description = "arm, x86 or all (default: all, the figures of each architecture side by side).")
    private String arch;

    @Option(names = "--markdown", description = "Print the results as a Markdown table (for BENCHMARKS.md).")
    private boolean markdown;

    @Option(names = "--engine", paramLabel = "LIBRARY",
            description = "Also measure on this Unicorn library (a child process with L4EMU_UNICORN=LIBRARY);"
                    + " repeatable. The figures of each engine stand side by side.")
    private List<String> engines = new ArrayList<>();

    @Option(names = "--public",
            description = "Also measure each engine through Unicorn's public API alone (L4EMU_ACCELERATORS=none).")
    private boolean publicPath;

    @Option(names = "--cpu-time",
            description = "Take the host time between the marks as the CPU time of the thread that runs the guests"
                    + " instead of wall time: on a machine shared with other work it counts only this run (the"
                    + " start-up figure stays wall time).")
    private boolean cpuTime;

    @Option(names = EngineRuns.TSV_OPTION, hidden = true,
            description = "Print the results as tab-separated lines (for a parent bench process).")
    private boolean tsv;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1) {
            err.println("l4emu: --runs takes a positive number");
            return Abi.ExitCode.BAD_INPUT;
        }
        if (warmups < 0) {
            err.println("l4emu: --warmup takes a number of runs, 0 or more");
            return Abi.ExitCode.BAD_INPUT;
        }
        List<Architecture> architectures;
        try {
            architectures = arch.equals("all") ? List.of(Architecture.values())
                    : List.of(Architecture.fromXmlName(arch));
        } catch (IllegalArgumentException e) {
            err.println("l4emu: --arch takes arm, x86 or all");
            return Abi.ExitCode.BAD_INPUT;
        }
        Path root = guests != null ? guests : Installation.guestDirectory().getParent();
        for (Architecture architecture : architectures) {
            Path directory = root.resolve(architecture.xmlName());
            if (!Files.isDirectory(directory)) {
                err.println("l4emu: " + directory + ": no benchmark guests (build the project with mvn package)");
                return Abi.ExitCode.BAD_INPUT;
            }
        }
        for (String library : engines) {
            if (!Files.isRegularFile(Path.of(library))) {
                err.println("l4emu: --engine " + library + ": no such library file");
                return Abi.ExitCode.BAD_INPUT;
            }
            try {
                EngineRuns.check(library);
            } catch (EngineRuns.Failure e) {
                err.println("l4emu: " + e.getMessage());
                return Abi.ExitCode.BAD_INPUT;
            }
        }
        String engine = engineLabel();
        List<Result> results = new ArrayList<>();
        for (Architecture architecture : architectures) {
            for (Benchmark benchmark : Benchmark.ALL) {
                results.add(measure(benchmark, architecture, engine, root.resolve(architecture.xmlName())
                        .resolve(benchmark.image())));
            }
        }
        if (tsv) {
            EngineRuns.printTsv(results, spec.commandLine().getOut());
            return 0;
        }
        List<String> childArguments = new ArrayList<>(List.of("--runs", Integer.toString(runs),
                "--warmup", Integer.toString(warmups), "--arch", arch));
        if (cpuTime) {
            childArguments.add("--cpu-time");
        }
        childArguments.addAll(EngineRuns.guestsArgument(root));
        List<String> libraries = new ArrayList<>();
        if (publicPath) {
            libraries.add(EngineInfo.libraryFile());
        }
        libraries.addAll(engines);
        try {
            for (String library : engines) {
                results.addAll(EngineRuns.run(library, false, childArguments, err));
            }
            if (publicPath) {
                for (String library : libraries) {
                    results.addAll(EngineRuns.run(library, true, childArguments, err));
                }
            }
        } catch (EngineRuns.Failure e) {
            err.println("l4emu: " + e.getMessage());
            return Abi.ExitCode.FAILED;
        }
        if (cpuTime) {
            spec.commandLine().getOut().println("Host time between the marks: CPU time of the thread that runs the guests"
                    + " (--cpu-time); start-up: wall time.");
            spec.commandLine().getOut().println();
        }
        new ResultTable(withLimits(results), markdown).print(spec.commandLine().getOut());
        return 0;
    }

    /** The engine this process runs on, "2.0.1", and " public" when it uses no accelerator. */
    private static String engineLabel() {
        String version = EngineInfo.version().replaceFirst("^Unicorn ", "");
        return EngineInfo.acceleratorsOff() ? version + " public" : version;
    }

    /** Each result with its target as a figure: a baseline's is a multiple of that benchmark's median. */
    private static List<Result> withLimits(List<Result> results) {
        List<Result> limited = new ArrayList<>();
        for (Result result : results) {
            String baseline = result.benchmark().baseline();
            double baselineMedian = baseline == null ? Double.NaN : results.stream()
                    .filter(other -> other.benchmark().name().equals(baseline)
                            && other.column().equals(result.column()))
                    .mapToDouble(Result::median).findFirst().orElse(Double.NaN);
            limited.add(result.withLimit(result.benchmark().limit(baselineMedian)));
        }
        return limited;
    }

    private Result measure(Benchmark benchmark, Architecture architecture, String engine, Path image)
            throws Exception {
        if (benchmark.kind() == Benchmark.Kind.MILLIS_OVER_BARE_JVM) {
            return new BootTime(spec.commandLine().getErr()).measure(benchmark, architecture, engine, image, runs);
        }
        Benchmark baseline = benchmark.baseline() == null ? null : Benchmark.named(benchmark.baseline());
        Path baselineImage = baseline == null ? null : image.resolveSibling(baseline.image());
        PrintWriter err = spec.commandLine().getErr();
        // A run more would grow the heap the memory figure samples: it takes none.
        int uncounted = benchmark.kind() == Benchmark.Kind.RESIDENT_MEBIBYTES ? 0 : warmups;
        FigureRuns.Figures measured = FigureRuns.measure(uncounted, runs, () -> once(benchmark, image),
                baseline == null ? null : () -> once(baseline, baselineImage),
                run -> err.printf("l4emu bench: %s on %s/%s, %s%s%n", benchmark.name(), architecture.xmlName(),
                        engine, run == 0 ? "warm-up run (not counted)" : "run " + run + " of " + runs,
                        baseline == null ? "" : " (paired with a run of the " + baseline.name() + ")"));
        return new Result(benchmark, architecture, engine, measured.median(), measured.lowest(), measured.highest())
                .withPairedRatio(measured.medianRatio());
    }

    /** One run of {@code benchmark}'s guest {@code image}: its figure. */
    private double once(Benchmark benchmark, Path image) throws Exception {
        return BenchmarkRun.figure(benchmark, image, cpuTime ? MarkTimer.THREAD_CPU : MarkTimer.WALL);
    }
}
