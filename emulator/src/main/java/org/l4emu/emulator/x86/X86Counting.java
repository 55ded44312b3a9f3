package org.l4emu.emulator.x86;

import java.util.List;
import org.l4emu.emulator.engine.Accelerator;
import org.l4emu.emulator.engine.Accelerators;
import org.l4emu.emulator.engine.CodeHookCounter;
import org.l4emu.emulator.engine.CounterCheck;
import org.l4emu.emulator.engine.CounterOffsets;
import org.l4emu.emulator.engine.EngineCounter;
import org.l4emu.emulator.engine.InstructionCounter;
import org.l4emu.emulator.engine.InstructionCounting;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * How an x86 engine counts instructions: through Unicorn's public API with a code hook
 * ({@link CodeHookCounter}), or, where the {@link Accelerator#COUNTER} accelerator is allowed and
 * its start-up check passes on the first engine of a machine, with Unicorn's own counter. The
 * check runs {@link X86CounterProbe} with both counting and requires the same counts; the
 * other engines of a machine (the engine pool's) take the first one's finding.
 */
final class X86Counting {
    /** Whose accelerators these are, in {@link Accelerators}' records. */
    static final String MACHINE = "x86";

    /** Where Unicorn's counter lives, or null for the public code hook. */
    private final CounterOffsets offsets;

    private X86Counting(CounterOffsets offsets) {
        this.offsets = offsets;
    }

    /**
     * Decides on {@code cpu}'s engine, just entered ring 3 with {@code publicCounter}'s hook
     * installed and counting: Unicorn's counter if the setting allows it and it passes its check.
     */
    static X86Counting decide(X86CounterProbe.ProbedCpu cpu, CodeHookCounter publicCounter) {
        CounterOffsets[] found = {null};
        Accelerators.attempt(MACHINE, Accelerator.COUNTER, null, () -> {
            X86CounterProbe probe = new X86CounterProbe(cpu);
            found[0] = CounterCheck.find(cpu.unicorn(), probe, publicCounter,
                    List.of(() -> probe.stop(10), () -> probe.stop(3), () -> probe.stop(2))).offsets();
            return Accelerators.State.ACTIVE;
        });
        return new X86Counting(found[0]);
    }

    /**
     * The counter of {@code engine} as decided: {@code publicCounter}, counting through its code
     * hook {@code publicHook}, or Unicorn's own counter, when the hook is removed.
     */
    InstructionCounting counterOn(Unicorn engine, CodeHookCounter publicCounter, long publicHook) {
        if (offsets == null) {
            return publicCounter;
        }
        engine.deleteHook(publicHook);
        return new EngineCounter(new InstructionCounter(engine, offsets));
    }

    /** What was found, for diagnostics. */
    @Override
    public String toString() {
        return offsets == null ? "none" : offsets.toString();
    }
}
