package org.l4emu.emulator.arm;

/**
 * Byte offsets inside Unicorn's private structures, found by {@link EngineCalibration} because
 * Unicorn has no API for them and they depend on how the library was built.
 *
 * @param instructionCounterOffset {@code uint64_t emu_counter} in {@code struct uc_struct}: the
 *                                 count hook of {@code uc_emu_start(..., count)} increments it
 *                                 before each instruction and stops once it exceeds the count
 * @param instructionLimitOffset   {@code uint64_t emu_count}, the count itself
 * @param syndromeOffset           QEMU's {@code env->exception.syndrome} in a saved {@code uc_context}
 * @param faultStatusOffset        {@code env->exception.fsr} (short-descriptor DFSR/IFSR format)
 * @param faultAddressOffset       {@code uint64_t env->exception.vaddress} (DFAR/IFAR)
 */
record EngineInternals(long instructionCounterOffset, long instructionLimitOffset, long syndromeOffset,
        long faultStatusOffset, long faultAddressOffset) {

    @Override
    public String toString() {
        return "uc_struct.emu_counter at +" + instructionCounterOffset + ", emu_count at +" + instructionLimitOffset
                + "; uc_context exception record: syndrome +" + syndromeOffset + ", fsr +" + faultStatusOffset
                + ", vaddress +" + faultAddressOffset;
    }
}
