package org.l4emu.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.l4emu.abi.Abi;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.tools.trace.TraceException;
import org.l4emu.tools.trace.IoProblems;
import org.l4emu.tools.trace.OutputLocation;
import org.l4emu.tools.trace.TraceHeader;
import org.l4emu.tools.trace.TraceRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code l4emu boot FILE}: run an ELF image or a system description to the end. */
@Command(name = "boot",
        mixinStandardHelpOptions = true,
        description = {"Boot an ELF image (one privileged task) or an XML system description and run it.",
                "Console output goes to standard output unchanged; kernel messages to standard error."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                Abi.ExitCode.ALL_EXITED + ":every thread exited (or the guest's shutdown code)",
                Abi.ExitCode.BAD_INPUT + ":bad input (image, description or options)",
                Abi.ExitCode.DEADLOCK + ":deadlock: every thread blocked with no timeout pending",
                Abi.ExitCode.UNHANDLED_FAULT + ":a fault nothing resolved (with --stop-on-fault)",
                Abi.ExitCode.LIMIT_REACHED + ":the virtual-time or instruction limit was reached"})
final class BootCommand implements Callable<Integer> {
    @ParentCommand
    private L4emu l4emu;

    @Parameters(paramLabel = "FILE", description = "An ELF executable or a system description (.xml).")
    private Path file;

    @Mixin
    private BootFlags flags;

    @Option(names = "--trace", paramLabel = "TRACE",
            description = "Record every kernel event into TRACE (see 'l4emu trace --help' and docs/trace-format.md).")
    private Path trace;

    @Override
    public Integer call() throws Exception {
        BootOptions options;
        try {
            options = flags.toBootOptions();
        } catch (IllegalArgumentException e) {
            l4emu.err().println("l4emu: " + e.getMessage());
            return Abi.ExitCode.BAD_INPUT;
        }
        Optional<String> unwritable = OutputLocation.ofFile("--trace", trace);
        if (unwritable.isPresent()) {
            l4emu.err().println("l4emu: " + unwritable.get());
            return Abi.ExitCode.BAD_INPUT;
        }
        try {
            if (trace == null) {
                return Boot.run(file, options, l4emu.console(), l4emu.err(), KernelEvents.NONE);
            }
            return runRecording(options);
        } catch (BootException e) {
            l4emu.err().println("l4emu: " + e.getMessage());
            return Abi.ExitCode.BAD_INPUT;
        } catch (TraceException e) {
            l4emu.err().println("l4emu: " + e.getMessage());
            return Abi.ExitCode.ENVIRONMENT;
        }
    }

    private int runRecording(BootOptions options) throws BootException {
        SystemDescription description = Boot.describe(file);
        OutputStream sink;
        try {
            sink = Files.newOutputStream(trace);
        } catch (IOException e) {
            throw new TraceException(trace + ": cannot create trace (" + IoProblems.describe(e) + ")", e);
        }
        try (TraceRecorder recorder = new TraceRecorder(sink, trace.toString(),
                TraceHeader.of(description, VirtualClock.NANOS_PER_INSTRUCTION))) {
            return Boot.run(description, options, l4emu.console(), l4emu.err(), recorder);
        }
    }
}
