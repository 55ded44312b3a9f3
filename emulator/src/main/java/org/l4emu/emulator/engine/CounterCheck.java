package org.l4emu.emulator.engine;

import static org.l4emu.emulator.engine.InternalsCheck.expect;

import java.util.List;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * The start-up check of the {@link Accelerator#COUNTER} accelerator, the same on every
 * architecture: finds Unicorn's counter ({@link CounterCalibration}), then runs the
 * architecture's probes with the public {@link CodeHookCounter} still counting and requires
 * both counters to give the same count for every kind of stop.
 */
public final class CounterCheck {
    /**
     * How one probe run stopped: at {@code pc}, without an exception ({@code paused}) or with
     * one, where {@code pcBegan} says whether the instruction at the PC began; {@code limit} is
     * the count the run was started with.
     */
    public record Stop(long pc, boolean paused, boolean pcBegan, long limit) {
    }

    /** One probe run on the engine being checked, both counters counting. */
    public interface ProbeRun {
        Stop run();
    }

    /** The checked counter, and where it lives (for diagnostics). */
    public record Found(EngineCounter counter, CounterOffsets offsets) {
    }

    private CounterCheck() {
    }

    /**
     * Finds the engine's counter with {@code probe} and checks it against {@code publicCounter},
     * whose hook is installed, on each of {@code runs}.
     *
     * @throws InternalsNotRecognised when the counter is not found or disagrees
     */
    public static Found find(Unicorn engine, CounterCalibration.Probe probe, CodeHookCounter publicCounter,
            List<ProbeRun> runs) {
        CounterOffsets offsets = CounterCalibration.find(engine, probe);
        EngineCounter counter = new EngineCounter(new InstructionCounter(engine, offsets));
        for (ProbeRun run : runs) {
            Stop stop = run.run();
            long expected = count(publicCounter, stop);
            long found = count(counter, stop);
            expect(expected == found, "Unicorn's counter says " + found + " where the code hook counted " + expected
                    + " (probe stopped at 0x" + Long.toHexString(stop.pc()) + ")");
        }
        return new Found(counter, offsets);
    }

    private static long count(InstructionCounting counting, Stop stop) {
        return stop.paused() ? counting.completedAtPause(stop.pc(), stop.limit())
                : counting.completed(stop.pc(), stop.pcBegan());
    }
}
