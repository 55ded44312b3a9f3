package org.l4emu.tools.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Machines;
import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.boot.ImageSet;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.trace.EventTee;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.tools.check.LiveRuleChecker;
import org.l4emu.tools.trace.IoProblems;
import org.l4emu.tools.trace.TraceException;
import org.l4emu.tools.trace.TraceHeader;
import org.l4emu.tools.trace.TraceRecorder;

/** Boots the fuzz system for some options and runs it until its budget is spent, a check fails, or it stops. */
public final class FuzzRun {
    /** Far beyond any budget (a system call costs at least 0.1 us); the syscall budget ends the run. */
    private static final long MAX_TIME_US = 1_000_000_000_000L;
    private static final int PROGRESS_MARKS = 10;

    private FuzzRun() {}

    /**
     * Runs the fuzz system; {@code progress} hears the system call count at each tenth of the
     * budget; {@code rules} (or null: none) checks every event after every trap. Kernel messages
     * (such as the crasher's fault report) go to {@code log}.
     */
    static FuzzOutcome run(FuzzOptions options, PrintStream log, LongConsumer progress, LiveRuleChecker rules)
            throws BootException {
        SystemDescription description = describe(options);
        return run(options, description, ImageSet.load(description), log, progress, rules);
    }

    /** Writes the description to a temporary file only long enough for the parser to read it. */
    private static SystemDescription describe(FuzzOptions options) throws BootException {
        String xml = FuzzSystem.xml(options.arch(), options.fuzzers(), options.image().toAbsolutePath().toString());
        try {
            Path directory = Files.createTempDirectory("l4emu-fuzz");
            Path file = directory.resolve("fuzz.xml");
            try {
                Files.writeString(file, xml, StandardCharsets.UTF_8);
                return Boot.describe(file);
            } finally {
                Files.deleteIfExists(file);
                Files.delete(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fuzz system description to a temporary file", e);
        }
    }

    private static FuzzOutcome run(FuzzOptions options, SystemDescription description, ImageSet images,
                                   PrintStream log, LongConsumer progress, LiveRuleChecker rules) throws BootException {
        long progressEvery = Math.max(1, options.syscalls() / PROGRESS_MARKS);
        FuzzObserver observer = new FuzzObserver(options.syscalls(), progressEvery);
        BootOptions bootOptions = new BootOptions(MAX_TIME_US, BootOptions.UNLIMITED, false, true);
        try (Machine machine = Machines.open(description.arch(), FuzzSystem.MEMORY_BYTES);
             TraceRecorder recorder = recorder(options, TraceHeader.of(description, VirtualClock.NANOS_PER_INSTRUCTION))) {
            KernelEvents checked = rules == null ? observer : new EventTee(rules.events(), observer);
            Kernel kernel = Kernel.boot(machine, description, images, bootOptions, OutputStream.nullOutputStream(), log,
                    recorder == null ? checked : new EventTee(checked, recorder));
            SeedWords.write(kernel, options.seed(), AttackClass.mask(options.classes()));
            return FuzzLoop.run(kernel, observer, rules, progress);
        }
    }

    /** The recorder of --trace, or null without it. */
    public static TraceRecorder recorder(FuzzOptions options, TraceHeader header) {
        if (options.trace() == null) {
            return null;
        }
        try {
            return new TraceRecorder(Files.newOutputStream(options.trace()), options.trace().toString(), header);
        } catch (IOException e) {
            throw new TraceException(options.trace() + ": cannot create trace (" + IoProblems.describe(e) + ")", e);
        }
    }
}
