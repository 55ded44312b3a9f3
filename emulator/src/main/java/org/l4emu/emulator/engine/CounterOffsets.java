package org.l4emu.emulator.engine;

/**
 * Where {@code uc_emu_start(..., count)} keeps its instruction count inside Unicorn's private
 * {@code struct uc_struct}, found by {@link CounterCalibration}. The struct is the same for
 * every architecture of one library build.
 *
 * @param instructionCounterOffset {@code uint64_t emu_counter}: the count hook increments it
 *                                 before each instruction and stops once it exceeds the count
 * @param instructionLimitOffset   {@code uint64_t emu_count}, the count itself
 */
public record CounterOffsets(long instructionCounterOffset, long instructionLimitOffset) {
    // equals and hashCode written out, as in arm.TrapComparison: a record's own are generated at run
    // time on first use, which the AOT cache cannot keep, and the calibration compares these at every start-up.
    @Override
    public boolean equals(Object other) {
        return other instanceof CounterOffsets offsets && instructionCounterOffset == offsets.instructionCounterOffset
                && instructionLimitOffset == offsets.instructionLimitOffset;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(instructionCounterOffset) * 31 + Long.hashCode(instructionLimitOffset);
    }

    @Override
    public String toString() {
        return "uc_struct.emu_counter at +" + instructionCounterOffset + ", emu_count at +" + instructionLimitOffset;
    }
}
