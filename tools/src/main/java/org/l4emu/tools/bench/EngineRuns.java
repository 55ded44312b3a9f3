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

    /** Runs {@code arguments} (a bench command line) in a child JVM on {@code library}; returns its results. */
    static List<Result> run(String library, boolean publicPath, List<String> arguments, PrintWriter progress)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(ChildJvm.command());
        command.add("bench");
        command.addAll(arguments);
        command.add(TSV_OPTION);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("L4EMU_UNICORN", library);
        if (publicPath) {
            builder.environment().put("L4EMU_ACCELERATORS", "none");
        }
        progress.println("l4emu bench: on " + library + (publicPath ? " through the public API alone" : "")
                + " (a child process)");
        progress.flush();
        Process process = builder.start();
        List<Result> results = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                results.add(parse(line));
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the benchmarks on " + library + " failed (exit " + exit + ")");
        }
        return results;
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
