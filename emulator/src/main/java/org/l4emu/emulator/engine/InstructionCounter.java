package org.l4emu.emulator.engine;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * Reads one engine's {@code emu_counter}: how many instructions the last
 * {@code uc_emu_start(..., count)} started. Exact, which virtual time depends on; Unicorn has
 * no API for it, hence the calibrated offset.
 */
@SuppressWarnings("restricted") // sizing the engine pointer to the calibrated field
public final class InstructionCounter {
    private final MemorySegment engineStruct;
    private final long offset;
    private final long limitOffset;

    public InstructionCounter(Unicorn engine, CounterOffsets offsets) {
        this.offset = offsets.instructionCounterOffset();
        this.limitOffset = offsets.instructionLimitOffset();
        this.engineStruct = engine.handle().reinterpret(Math.max(offset, limitOffset) + Long.BYTES);
    }

    /** Instructions whose count hook ran in the last run: completed ones plus any that trapped. */
    public long started() {
        return engineStruct.get(ValueLayout.JAVA_LONG, offset);
    }

    /**
     * Inside a hook of a counted run: lets the run go on for exactly {@code instructions} more
     * (at least 1) from here, then stop before the next. The count hook stops the CPU once
     * {@code emu_counter > emu_count}, so the limit becomes the counter now plus the budget.
     */
    public void allowMore(long instructions) {
        long limit = started() + instructions;
        engineStruct.set(ValueLayout.JAVA_LONG, limitOffset, limit < 0 ? Long.MAX_VALUE : limit);
    }

    /** Inside a hook of a counted run: stops it before the next instruction, whatever else the hook did. */
    public void stopBeforeNext() {
        engineStruct.set(ValueLayout.JAVA_LONG, limitOffset, started());
    }
}
