package org.l4emu.emulator.arm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.unicorn.UnicornContext;

/**
 * QEMU's record of the last exception (syndrome, fault status, fault address), read from a
 * copy of the CPU state. When Unicorn hands an exception to a hook it never enters the
 * exception, so DFSR/DFAR/IFAR stay unset and this record is the only place the fault is
 * described. Its offsets come from {@link EngineCalibration}.
 */
final class ExceptionRecord {
    private final UnicornContext snapshot;
    private EngineInternals offsets;

    ExceptionRecord(UnicornContext snapshot) {
        this.snapshot = snapshot;
    }

    void useOffsets(EngineInternals calibrated) {
        this.offsets = calibrated;
    }

    /** Copies the CPU state now; inside the hook this keeps the fault being handled. */
    void capture() {
        snapshot.save();
    }

    /** The captured CPU state, for calibration. */
    MemorySegment bytes() {
        return snapshot.bytes();
    }

    int faultAddress() {
        return (int) snapshot.bytes().get(ValueLayout.JAVA_LONG_UNALIGNED, offsets.faultAddressOffset());
    }

    int faultStatus() {
        return snapshot.bytes().get(ValueLayout.JAVA_INT_UNALIGNED, offsets.faultStatusOffset());
    }

    /**
     * After {@code UC_ERR_INSN_INVALID}: true when an undefined-instruction exception was
     * raised, false when a YIELD/WFE hint stopped the run after completing (it raises nothing
     * Unicorn lets through, so the record keeps whatever came before). Every undefined
     * instruction reported re-poisons the record, so a later hint cannot be mistaken for one.
     */
    boolean undefinedInstructionRaised() {
        capture();
        int syndrome = snapshot.bytes().get(ValueLayout.JAVA_INT_UNALIGNED, offsets.syndromeOffset());
        if (!ExceptionSyndrome.isUndefinedInstruction(syndrome)) {
            return false;
        }
        poison();
        return true;
    }

    /** Overwrites the CPU's recorded syndrome with a value no exception produces. */
    void poison() {
        capture();
        snapshot.bytes().set(ValueLayout.JAVA_INT_UNALIGNED, offsets.syndromeOffset(), ExceptionSyndrome.POISON);
        snapshot.restore();
    }
}
