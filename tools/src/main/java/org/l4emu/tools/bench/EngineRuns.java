package org.l4emu.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.l4emu.emulator.Architecture;

/**
 * Runs the same benchmarks on another engine: one library per process, so a child JVM started
 * like this one with {@code L4EMU_UNICORN} (and, for the public path, {@code
 * L4EMU_ACCELERATORS=none}) set, which prints its results as tab-separated lines for this process
 * to read back. Its progress goes to this process's standard error.
 */
final class EngineRuns {
    /** The child's output format: benchmark name, architecture, engine, median, lowest, highest. */
    static final String TSV_OPTION = "--results-tsv";
    /** How the second line of {@code l4emu --version} begins when there is an engine (VersionTest holds it). */
    private static final String ENGINE_LINE = "Unicorn ";

    private EngineRuns() {
    }

    /** Prints {@code results} in the child's format. */
    static void printTsv(List<Result> results, PrintWriter out) {
        for (Result result : results) {
            out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%s\t%s\t%s%n", result.benchmark().name(),
                    result.architecture().xmlName(), result.engine(), Double.toString(result.median()),
                    Double.toString(result.lowest()), Double.toString(result.highest()),
                    Double.toString(result.pairedRatio()));
        }
        out.flush();
    }

    /**
     * Fails at once, before any benchmark runs, when {@code library} is no engine l4emu can use:
     * a child process on it prints l4emu's version, whose second line names the engine or says
     * why there is none.
     */
    static void check(String library) throws IOException, InterruptedException {
        Process process = onLibrary(library, List.of("--version"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = outputLines(process);
        int exit = process.waitFor();
        String engine = lines.size() > 1 ? lines.get(1) : "no version printed (exit " + exit + ")";
        if (exit != 0 || !engine.startsWith(ENGINE_LINE)) {
            throw new Failure("--engine " + library + ": " + engine);
        }
    }

    /** Runs {@code arguments} (a bench command line) in a child JVM on {@code library}; returns its results. */
    static List<Result> run(String library, boolean publicPath, List<String> arguments, PrintWriter progress)
            throws IOException, InterruptedException {
        List<String> bench = new ArrayList<>(List.of("bench"));
        bench.addAll(arguments);
        bench.add(TSV_OPTION);
        ProcessBuilder builder = onLibrary(library, bench).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (publicPath) {
            builder.environment().put("L4EMU_ACCELERATORS", "none");
        }
        progress.println("l4emu bench: on " + library + (publicPath ? " through the public API alone" : "")
                + " (a child process)");
        progress.flush();
        Process process = builder.start();
        List<Result> results = new ArrayList<>();
        for (String line : outputLines(process)) {
            results.add(parse(line));
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new Failure("the benchmarks on " + library + " stopped (exit " + exit + "): see the line above");
        }
        return results;
    }

    /** A child l4emu process with {@code arguments}, on the Unicorn library {@code library}. */
    private static ProcessBuilder onLibrary(String library, List<String> arguments) {
        List<String> command = new ArrayList<>(ChildJvm.command());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("L4EMU_UNICORN", library);
        return builder;
    }

    /** Everything {@code process} prints on standard output, a line each, until it closes it. */
    private static List<String> outputLines(Process process) throws IOException {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            return out.lines().toList();
        }
    }

    /** A child process ended before its results: it has said why on standard error. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    static Result parse(String line) {
        String[] fields = line.split("\t");
        if (fields.length != 7) {
            throw new IllegalStateException("unexpected line from the child benchmark: " + line);
        }
        Benchmark benchmark = Benchmark.named(fields[0]);
        return new Result(benchmark, Architecture.fromXmlName(fields[1]), fields[2], Double.parseDouble(fields[3]),
                Double.parseDouble(fields[4]), Double.parseDouble(fields[5])).withPairedRatio(Double.parseDouble(fields[6]));
    }

    /** The guests directory as an argument for the child, which may run from elsewhere. */
    static List<String> guestsArgument(Path root) {
        return List.of("--guests", root.toAbsolutePath().toString());
    }
}
