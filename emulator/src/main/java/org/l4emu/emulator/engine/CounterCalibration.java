package org.l4emu.emulator.engine;

import static org.l4emu.emulator.engine.InternalsCheck.expect;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * Finds {@link CounterOffsets} the same way on every architecture: runs a probe of three plain
 * instructions and a trap with two distinct instruction limits, and looks in the engine struct
 * for the limit passed to uc_emu_start next to a counter of 4 (the trap counts: its count hook
 * ran before it raised). The finding is checked by a run limited to two instructions, which
 * must stop before the third with the counter at 3.
 */
@SuppressWarnings("restricted") // reading the engine struct, whose size Unicorn does not publish
public final class CounterCalibration {
    /**
     * How far into {@code struct uc_struct} to look: the fields sit at about 1.3 KiB in 2.0.1,
     * and the struct, allocated early, is followed by the engine's other heap allocations.
     */
    private static final int ENGINE_SCAN_BYTES = 4096;
    private static final long[] DISTINCT_LIMITS = {0x1234567L, 0x7654321L};

    /** Runs the architecture's probe code on the engine being calibrated. */
    public interface Probe {
        /** Runs three plain instructions and a trap, limited to {@code limit}; true when it stopped at the trap. */
        boolean trapsAfterThreeInstructions(long limit);

        /** Runs the same code limited to two instructions; true when it stopped before the third without a trap. */
        boolean stopsAfterTwoInstructions();
    }

    private CounterCalibration() {
    }

    public static CounterOffsets find(Unicorn engine, Probe probe) {
        MemorySegment struct = engine.handle().reinterpret(ENGINE_SCAN_BYTES);
        List<CounterOffsets> candidates = null;
        for (long limit : DISTINCT_LIMITS) {
            expect(probe.trapsAfterThreeInstructions(limit), "three instructions and a trap did not stop at the trap");
            List<CounterOffsets> found = new ArrayList<>();
            for (long offset = 8; offset + 16 <= ENGINE_SCAN_BYTES; offset += 8) {
                if (struct.get(ValueLayout.JAVA_LONG, offset) != limit) {
                    continue;
                }
                for (long neighbour : new long[] {offset - 8, offset + 8}) {
                    if (struct.get(ValueLayout.JAVA_LONG, neighbour) == 4) {
                        found.add(new CounterOffsets(neighbour, offset));
                    }
                }
            }
            if (candidates == null) {
                candidates = found;
            } else {
                candidates.retainAll(found);
            }
        }
        expect(candidates.size() == 1, "found " + candidates.size() + " candidates for emu_counter/emu_count");
        CounterOffsets offsets = candidates.get(0);
        expect(probe.stopsAfterTwoInstructions()
                && struct.get(ValueLayout.JAVA_LONG, offsets.instructionCounterOffset()) == 3,
                "a run limited to 2 instructions did not stop after 2 with the counter at 3");
        return offsets;
    }
}
