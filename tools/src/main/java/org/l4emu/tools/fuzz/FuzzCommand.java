package org.l4emu.tools.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.io.output.WriterOutputStream;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.tools.Installation;
import org.l4emu.tools.check.LiveRuleChecker;
import org.l4emu.tools.trace.TraceException;
import org.l4emu.tools.trace.OutputLocation;
import org.l4emu.tools.fuzz.kernel.KernelFuzzRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code l4emu fuzz}: hostile guests, or with {@code --kernel} the same attacks generated in
 * Java on the scripted machine, issue random and adversarial system calls while the kernel's
 * invariants and the fuzzers' oracles are checked after every trap.
 */
@Command(name = "fuzz",
        mixinStandardHelpOptions = true,
        description = {"Boot a system of fuzzer threads that issue random and adversarial system calls, check the "
                + "kernel's invariants, the fuzzers' oracles and the SEMANTICS rules (docs/checker.md) after every "
                + "trap, and stop after --syscalls calls.",
                "By default the fuzzers are guest code (guest-programs/src/fuzz.c) on the emulated CPU; with --kernel "
                        + "the same generators, in Java, drive the kernel's system-call layer on the scripted machine "
                        + "(no CPU), at a million calls a second. The same seed and options repeat the same run "
                        + "exactly."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the whole budget ran with no violation and no host exception",
                "1:a violation (kernel invariant, fuzzer oracle or rule), a host exception, the system ending "
                        + "before its budget, or a withered run (no fuzzer called for 100,000 system calls)",
                "2:bad options, or the fuzz guest is missing"})
public final class FuzzCommand implements Callable<Integer> {
    private static final int FAILED = org.l4emu.abi.Abi.ExitCode.FAILED;
    private static final int BAD_INPUT = org.l4emu.abi.Abi.ExitCode.BAD_INPUT;

    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "The seed every random stream derives from (default: 1).")
    private long seed;

    @Option(names = "--syscalls", paramLabel = "N", defaultValue = "1000000",
            description = "Stop after N system calls in all (default: 1000000).")
    private long syscalls;

    @Option(names = "--threads", paramLabel = "K", defaultValue = "" + FuzzSystem.DEFAULT_FUZZERS,
            description = "Fuzzer threads, " + FuzzSystem.MIN_FUZZERS + " to " + FuzzSystem.MAX_FUZZERS
                    + " (default: " + FuzzSystem.DEFAULT_FUZZERS + "); keeper, monitors and short-lived threads come on top.")
    private int threads;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "arm",
            description = "arm or x86 (default: arm): the guests' build, or the scripted machine's conventions.")
    private String arch;

    @Option(names = "--kernel",
            description = "Fuzz the kernel's system-call layer on the scripted machine: Java generators, no guest code.")
    private boolean kernelLevel;

    @Option(names = "--classes", paramLabel = "LIST", split = ",", converter = AttackClass.Converter.class,
            completionCandidates = AttackClass.Labels.class,
            description = "Only these generator classes, comma-separated (default: all): ${COMPLETION-CANDIDATES}.")
    private Set<AttackClass> classes;

    @Option(names = "--guests", paramLabel = "DIR",
            description = "Where fuzz.elf is (default: guest-programs/target/ARCH of this installation).")
    private Path guests;

    @Option(names = "--trace", paramLabel = "TRACE",
            description = {"Also record the run into TRACE: the event numbers of rule violations are its own",
                    "('l4emu trace show', 'l4emu trace check')."})
    private Path trace;

    @Option(names = "--no-rules",
            description = "Leave the rule checker out (to measure what it costs; a run is then judged by the kernel's "
                    + "invariants and the fuzzers' oracles alone).")
    private boolean noRules;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress and no kernel fault reports, only the summary.")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (syscalls <= 0 || threads < FuzzSystem.MIN_FUZZERS || threads > FuzzSystem.MAX_FUZZERS) {
            err.println("l4emu: --syscalls takes a positive number and --threads " + FuzzSystem.MIN_FUZZERS + " to "
                    + FuzzSystem.MAX_FUZZERS);
            return BAD_INPUT;
        }
        Architecture architecture;
        try {
            architecture = Architecture.fromXmlName(arch);
        } catch (IllegalArgumentException e) {
            err.println("l4emu: --arch takes arm or x86");
            return BAD_INPUT;
        }
        Optional<String> unwritable = OutputLocation.ofFile("--trace", trace);
        if (unwritable.isPresent()) {
            err.println("l4emu: " + unwritable.get());
            return BAD_INPUT;
        }
        Path image = null;
        if (!kernelLevel) {
            image = (guests != null ? guests : Installation.guestDirectory(architecture)).resolve(FuzzSystem.IMAGE);
            if (!Files.isRegularFile(image)) {
                err.println("l4emu: " + image + ": no fuzz guest (build the project with mvn package)");
                return BAD_INPUT;
            }
        }
        FuzzOptions options = new FuzzOptions(seed, syscalls, threads, architecture,
                classes == null || classes.isEmpty() ? AttackClass.all() : classes, kernelLevel, image, trace);
        LiveRuleChecker rules = noRules ? null : new LiveRuleChecker();
        FuzzOutcome outcome;
        try {
            outcome = kernelLevel
                    ? KernelFuzzRun.run(options, kernelLog(err, quiet), count -> progress(err, count), rules)
                    : FuzzRun.run(options, kernelLog(err, quiet), count -> progress(err, count), rules);
        } catch (BootException | TraceException e) {
            err.println("l4emu: " + e.getMessage());
            return BAD_INPUT;
        }
        FuzzReport.print(options, outcome, spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        if (outcome.hostException() != null) {
            outcome.hostException().printStackTrace(err);
        }
        return outcome.clean() ? 0 : FAILED;
    }

    /**
     * Kernel messages (fault reports) go where the command's own messages go; with --quiet
     * nowhere, since fuzzed threads fault by the hundred thousand and the summary counts them.
     */
    private static PrintStream kernelLog(PrintWriter err, boolean quiet) {
        if (quiet) {
            return new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        }
        try {
            WriterOutputStream bytes = WriterOutputStream.builder().setWriter(err).setCharset(StandardCharsets.UTF_8)
                    .setWriteImmediately(true).get();
            return new PrintStream(bytes, true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void progress(PrintWriter err, long count) {
        if (!quiet) {
            err.printf(Locale.ROOT, "l4emu fuzz: %,d of %,d system calls%n", count, syscalls);
            err.flush();
        }
    }
}
