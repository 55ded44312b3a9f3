package org.l4emu.emulator.arm;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.Trap;

/** {@link Aborts} from QEMU's exception record ({@link ExceptionRecord}, an accelerator). */
final class RecordedAborts implements Aborts {
    private final ExceptionRecord record;

    RecordedAborts(ExceptionRecord record) {
        this.record = record;
    }

    @Override
    public void capture() {
        record.capture();
    }

    @Override
    public Trap prefetchAbort(ArmCpuContext thread, ArmAddressSpace space) {
        return trap(record.faultStatus(), record.faultAddress(), thread.instructionPointer(), Access.EXECUTE);
    }

    @Override
    public Trap dataAbort(ArmCpuContext thread, ArmAddressSpace space) {
        int status = record.faultStatus();
        return trap(status, record.faultAddress(), thread.instructionPointer(),
                FaultStatus.isWrite(status) ? Access.WRITE : Access.READ);
    }

    @Override
    public InvalidInstruction invalidInstruction(long pc) {
        return record.undefinedInstructionRaised() ? InvalidInstruction.UNDEFINED : InvalidInstruction.HINT;
    }

    static Trap trap(int status, int address, int pc, Access access) {
        if (FaultStatus.isPageFault(status)) {
            return new Trap.PageFault(address, access, pc);
        }
        Trap.Kind kind = FaultStatus.isAlignment(status) ? Trap.Kind.ALIGNMENT : Trap.Kind.OTHER;
        return new Trap.CpuException(kind, address, pc);
    }
}
