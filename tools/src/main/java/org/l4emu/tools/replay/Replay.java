package org.l4emu.tools.replay;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Machines;
import org.l4emu.emulator.debug.InstructionSet;
import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.boot.ImageSet;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.system.TaskSpec;
import org.l4emu.kernel.trace.KernelView;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.TraceHeader;

/**
 * A run that can be moved forward and back: forward by running the kernel, back by booting the
 * same system afresh and running it to an earlier {@link Position} (runs are deterministic).
 * Breakpoints and watchpoints survive reboots; they are engine hooks and kernel-write checks,
 * never changes to guest memory. Console output and kernel messages are not printed: the listener
 * hears them (console output as events), again whenever a replay passes them again.
 */
public final class Replay implements AutoCloseable {
    private static final long NO_STOP = -1;

    private final SystemDescription description;
    private final ImageSet images;
    private final BootOptions options;
    private final TraceHeader header;
    private final EventListener listener;
    private final DebugPointSet points = new DebugPointSet();
    private ReplayProbe probe;
    private DebugMachine machine;
    private Kernel kernel;
    private long events;
    private long stopAtEvents = NO_STOP;
    private boolean replaying;

    private Replay(SystemDescription description, ImageSet images, BootOptions options, EventListener listener) {
        this.description = description;
        this.images = images;
        this.options = options;
        this.header = TraceHeader.of(description, VirtualClock.NANOS_PER_INSTRUCTION);
        this.listener = listener;
    }

    /** Reads {@code file} (ELF or system description) and boots it; BootException for bad input. */
    public static Replay open(Path file, BootOptions options, EventListener listener) throws BootException {
        SystemDescription description = Boot.describe(file);
        Replay replay = new Replay(description, ImageSet.load(description), options, listener);
        replay.restart();
        return replay;
    }

    /** Boots afresh: the run stands at its start again. Listeners hear the boot events once more. */
    public void restart() {
        closeMachine();
        Machine real = Machines.open(description.arch());
        boolean armed = probe != null && probe.armed();
        probe = new ReplayProbe(points, real.memory());
        probe.arm(armed);
        machine = new DebugMachine(real, probe);
        events = 0;
        DecodingEvents decoding = new DecodingEvents(header, probe, new Counting());
        try {
            kernel = Kernel.boot(machine, description, images, options, OutputStream.nullOutputStream(),
                    new PrintStream(new LineSink(line -> listener.kernelMessage(line, events)), true,
                            StandardCharsets.UTF_8), decoding);
        } catch (BootException e) {
            throw new IllegalStateException("a system that booted once failed to boot again: " + e.getMessage(), e);
        }
        machine.attachDebugProbe(probe);
    }

    public Kernel kernel() {
        return kernel;
    }

    /** The kernel's state as of the replay's position, read only. */
    public KernelView view() {
        return kernel.view();
    }

    public SystemDescription description() {
        return description;
    }

    public Position position() {
        return new Position(kernel.view().instructions(), events);
    }

    /** True while a move back replays the run: listeners should not report what they hear then. */
    public boolean replaying() {
        return replaying;
    }

    public boolean ended() {
        return kernel.finished();
    }

    /** The breakpoints and watchpoints; call {@link #pointsChanged()} after changing them. */
    public DebugPointSet points() {
        return points;
    }

    /** Hooks the current breakpoints and watchpoints (after adding or removing one). */
    public void pointsChanged() {
        machine.attachDebugProbe(probe);
    }

    /** While armed, breakpoints and watchpoints stop the run and the listener hears {@code hit}s. */
    public void armDebugStops(boolean on) {
        probe.arm(on);
    }

    public GuestMemory memory() {
        return new GuestMemory(machine.unwatchedMemory());
    }

    /** A resume never stops at the breakpoint a thread already stands on (as debuggers step over it). */
    public void resumeOverBreakpoints() {
        for (Thread thread : kernel.view().threads().all()) {
            probe.resumeFrom(thread.context(), instructionSet().codeAddress(thread.context().instructionPointer()));
        }
    }

    /** The debugger changed {@code thread}'s PC: it no longer stands on a breakpoint. */
    public void threadMoved(Thread thread) {
        probe.forget(thread.context());
    }

    /** The instruction set of the machine, for everything ISA-specific a debugger shows. */
    public InstructionSet instructionSet() {
        return description.arch().instructionSet();
    }

    /** Drops translated code after the debugger wrote to guest memory. */
    public void flushCodeCache() {
        machine.flushCodeCache();
    }

    /** The file of {@code task}'s program image. */
    public Optional<Path> imagePath(String task) {
        return description.task(task).map(TaskSpec::image);
    }

    /** The ELF symbol {@code name} of the task's image. */
    public Optional<Integer> symbol(String task, String name) {
        Optional<TaskSpec> spec = description.task(task);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        var value = images.image(spec.get()).symbol(name);
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }

    /** Runs until {@code instructions} have retired in all, the run ends, or the listener stops it. */
    public void runUntil(long instructions) {
        kernel.runUntil(instructions);
    }

    /** Runs until {@code count} events have been emitted in all, the listener stops it, or the run ends. */
    public void runToEvents(long count) {
        stopAtEvents = count;
        try {
            if (events < count) {
                kernel.runUntil(Long.MAX_VALUE);
            }
        } finally {
            stopAtEvents = NO_STOP;
        }
    }

    /** Runs until the listener stops it or the run ends. */
    public void run() {
        kernel.runUntil(Long.MAX_VALUE);
    }

    /** The thread that runs next, or null. */
    public Thread currentThread() {
        return kernel.view().currentThread();
    }

    /** Moves to {@code target}, a position this run has been at (forward, or back by replaying). */
    public void goTo(Position target) {
        boolean back = target.isBefore(position());
        boolean armed = probe.armed();
        probe.arm(false);
        if (back) {
            replaying = true;
            restart();
        }
        try {
            while (position().isBefore(target) && !kernel.finished()) {
                stopAtEvents = target.events();
                kernel.runUntil(position().instructions() < target.instructions() ? target.instructions() : Long.MAX_VALUE);
            }
        } finally {
            stopAtEvents = NO_STOP;
            replaying = false;
            probe.arm(armed);
        }
        if (!position().equals(target)) {
            throw new IllegalStateException("replay reached " + position() + " instead of " + target);
        }
    }

    /** Boots afresh and runs to the first stop at or after {@code instructions}, quietly. */
    public void replayTo(long instructions) {
        replaying = true;
        boolean armed = probe.armed();
        probe.arm(false);
        try {
            restart();
            kernel.runUntil(instructions);
        } finally {
            replaying = false;
            probe.arm(armed);
        }
    }

    private void closeMachine() {
        if (machine != null) {
            machine.close();
            machine = null;
        }
    }

    @Override
    public void close() {
        closeMachine();
    }

    /** Counts events for {@link #position()} and stops a move back at its target. */
    private final class Counting implements EventListener {
        @Override
        public void event(TraceEvent event) {
            events = event.seq() + 1;
            if (stopAtEvents != NO_STOP && events >= stopAtEvents) {
                kernel.requestStop();
            }
            listener.event(event);
        }

        @Override
        public void hit(Hit hit) {
            listener.hit(hit);
        }

        @Override
        public void trapHandled(Thread thread) {
            listener.trapHandled(thread);
        }
    }
}
