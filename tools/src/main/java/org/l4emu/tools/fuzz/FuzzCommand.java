package org.l4emu.tools.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.io.output.WriterOutputStream;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.tools.Installation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code l4emu fuzz}: hostile guests issue random system calls while the kernel's invariants are checked after each trap. */
@Command(name = "fuzz",
        mixinStandardHelpOptions = true,
        description = {"Boot a system of fuzzer threads (guest-programs/src/fuzz.c) that issue random and adversarial",
                "system calls, check the kernel's invariants after every trap, and stop after --syscalls calls.",
                "The same seed and options repeat the same run exactly."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the whole budget ran with no invariant violation and no host exception",
                "1:an invariant violation, a host exception, or the system ended before its budget",
                "2:bad options, or the fuzz guest is missing"})
public final class FuzzCommand implements Callable<Integer> {
    private static final int FAILED = org.l4emu.abi.Abi.ExitCode.FAILED;
    private static final int BAD_INPUT = org.l4emu.abi.Abi.ExitCode.BAD_INPUT;

    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "The seed every guest's random stream derives from (default: 1).")
    private long seed;

    @Option(names = "--syscalls", paramLabel = "N", defaultValue = "1000000",
            description = "Stop after N system calls in all (default: 1000000).")
    private long syscalls;

    @Option(names = "--threads", paramLabel = "K", defaultValue = "" + FuzzSystem.DEFAULT_FUZZERS,
            description = "Fuzzer threads, " + FuzzSystem.MIN_FUZZERS + " to " + FuzzSystem.MAX_FUZZERS
                    + " (default: " + FuzzSystem.DEFAULT_FUZZERS + "); keeper, monitors and short-lived threads come on top.")
    private int threads;

    @Option(names = "--guests", paramLabel = "DIR",
            description = "Where fuzz.elf is (default: guest-programs/target/arm of this installation).")
    private Path guests;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress, only the summary.")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (syscalls <= 0 || threads < FuzzSystem.MIN_FUZZERS || threads > FuzzSystem.MAX_FUZZERS) {
            err.println("l4emu: --syscalls takes a positive number and --threads " + FuzzSystem.MIN_FUZZERS + " to "
                    + FuzzSystem.MAX_FUZZERS);
            return BAD_INPUT;
        }
        Path image = (guests != null ? guests : Installation.guestDirectory()).resolve(FuzzSystem.IMAGE);
        if (!Files.isRegularFile(image)) {
            err.println("l4emu: " + image + ": no fuzz guest (build the project with mvn package)");
            return BAD_INPUT;
        }
        FuzzOptions options = new FuzzOptions(seed, syscalls, threads, image);
        FuzzOutcome outcome;
        try {
            outcome = FuzzRun.run(options, kernelLog(err), count -> progress(err, count));
        } catch (BootException e) {
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

    /** Kernel messages (fault reports) go where the command's own messages go. */
    private static PrintStream kernelLog(PrintWriter err) {
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
