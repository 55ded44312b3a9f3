package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

/**
 * Every {@code int n} but {@code int $0x80} and {@code int $3} is a privileged instruction at the
 * {@code int}, uncounted, so that a handler's retry runs it again: also for the vectors the CPU
 * raises itself, which before were reported after the {@code int} and as the CPU's exception
 * ({@code int $0} as a divide error, {@code int $0x11} as an alignment fault, {@code int $6} and
 * {@code int $7} as undefined instructions). The CPU's own exceptions of those vectors stay as
 * they were, also right after bytes that read {@code CD n}.
 */
class X86SoftwareInterruptTest {
    private final X86Guest guest = new X86Guest();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4, 5, 6, 7, 8, 10, 13, 14, 16, 17, 18, 0x20, 0x81, 0xFF})
    void anIntIsAPrivilegedInstructionAtTheInt(int vector) {
        guest.code(space, X86Guest.CODE, X86.NOP, new byte[] {(byte) 0xCD, (byte) vector}, X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        int at = X86Guest.CODE + 1;

        for (int i = 0; i < 2; i++) {
            assertEquals(new Trap.CpuException(Trap.Kind.PRIVILEGED_INSTRUCTION, at, at), guest.run(thread, space),
                    "int $0x" + Integer.toHexString(vector));
            assertEquals(at, thread.instructionPointer());
        }
        assertEquals(1, guest.machine.instructionsRetired(), "the nop; the int never completes");
    }

    @Test
    void aDivideErrorRightAfterBytesReadingIntZeroIsStillADivideError() {
        // mov $0x00CD0000, %ebx ends in CD 00; xor %edx, %edx before it, div %ecx after, ecx 0
        guest.code(space, X86Guest.CODE, X86.movEcx(0), X86.movEdx(0), X86.movEbx(0x00CD_0000), X86.DIV_ECX);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        int div = X86Guest.CODE + 15;

        assertEquals(new Trap.CpuException(Trap.Kind.DIVIDE_ERROR, div, div), guest.run(thread, space));
        assertEquals(3, guest.machine.instructionsRetired());
    }

    @Test
    void aPrivilegedInstructionRightAfterBytesReadingIntThirteenIsReportedAtItself() {
        byte[] imulThirteen = {0x6B, (byte) 0xCD, 0x0D}; // imul $13, %ebp, %ecx
        guest.code(space, X86Guest.CODE, imulThirteen, X86.HLT);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        int hlt = X86Guest.CODE + imulThirteen.length;

        assertEquals(new Trap.CpuException(Trap.Kind.PRIVILEGED_INSTRUCTION, hlt, hlt), guest.run(thread, space));
        assertEquals(1, guest.machine.instructionsRetired());
    }

    @Test
    void aSingleStepAfterBytesReadingIntOneIsStillASingleStep() {
        byte[] orOne = {(byte) 0x83, (byte) 0xCD, 0x01}; // or $1, %ebp
        guest.code(space, X86Guest.CODE, X86.SET_TRAP_FLAG, orOne, X86.NOP, X86.INT_80);
        guest.data(space, X86Guest.STACK_TOP - 0x1000, Access.READ_WRITE);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        int afterOr = X86Guest.CODE + X86.SET_TRAP_FLAG.length + orOne.length;

        assertEquals(new Trap.CpuException(Trap.Kind.BREAKPOINT, afterOr, afterOr), guest.run(thread, space));
    }

    @Test
    void intoAndBoundKeepTheirOwnReports() {
        byte[] intoOverflowing = X86.concat(X86.movEax(0x7FFF_FFFF), new byte[] {0x01, (byte) 0xC0, (byte) 0xCE});
        guest.code(space, X86Guest.CODE, intoOverflowing, X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        int afterInto = X86Guest.CODE + intoOverflowing.length;

        assertEquals(new Trap.CpuException(Trap.Kind.OTHER, afterInto, afterInto), guest.run(thread, space));

        // bound %eax, (%ebx) with eax below the lower bound, right after bytes reading CD 05
        guest.code(space, X86Guest.CODE + 0x1000, X86.movEax(0), X86.movEbx(X86Guest.DATA),
                new byte[] {(byte) 0x83, (byte) 0xCD, 0x05}, new byte[] {0x62, 0x03});
        long bounds = guest.data(space, X86Guest.DATA, Access.READ_WRITE);
        guest.memory.writeWord(bounds, 1);
        guest.memory.writeWord(bounds + 4, 2);
        X86CpuContext other = guest.context(X86Guest.CODE + 0x1000);
        int bound = X86Guest.CODE + 0x1000 + 13;

        assertEquals(new Trap.CpuException(Trap.Kind.OTHER, bound, bound), guest.run(other, space));
    }
}
