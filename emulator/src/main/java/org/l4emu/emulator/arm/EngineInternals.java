package org.l4emu.emulator.arm;

import org.l4emu.emulator.engine.CounterOffsets;

/**
 * Byte offsets inside Unicorn's private structures, found by {@link EngineCalibration} because
 * Unicorn has no API for them and they depend on how the library was built.
 *
 * @param syndromeOffset      QEMU's {@code env->exception.syndrome} in a saved {@code uc_context}
 * @param faultStatusOffset   {@code env->exception.fsr} (short-descriptor DFSR/IFSR format)
 * @param faultAddressOffset  {@code uint64_t env->exception.vaddress} (DFAR/IFAR)
 * @param counter             the instruction counter in {@code struct uc_struct}, or null when not in use
 */
record EngineInternals(long syndromeOffset, long faultStatusOffset, long faultAddressOffset, CounterOffsets counter) {
    EngineInternals(long syndromeOffset, long faultStatusOffset, long faultAddressOffset) {
        this(syndromeOffset, faultStatusOffset, faultAddressOffset, null);
    }

    EngineInternals withCounter(CounterOffsets offsets) {
        return new EngineInternals(syndromeOffset, faultStatusOffset, faultAddressOffset, offsets);
    }

    @Override
    public String toString() {
        return (counter == null ? "" : counter + "; ") + "uc_context exception record: syndrome +" + syndromeOffset
                + ", fsr +" + faultStatusOffset + ", vaddress +" + faultAddressOffset;
    }
}
