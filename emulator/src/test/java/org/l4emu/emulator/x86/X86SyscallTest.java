package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

class X86SyscallTest {
    private final X86Guest guest = new X86Guest();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void argumentsAreEbxEcxEdxEsiEdiEbpAndResultsEaxEbxEcxEdx() {
        guest.code(space, X86Guest.CODE, X86.movEbx(1), X86.movEcx(2), X86.movEdx(3), X86.movEsi(4), X86.movEdi(5),
                X86.movEbp(6), X86.movEax(7), X86.INT_80, X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(7, thread.syscallNumber());
        for (int i = 0; i < 6; i++) {
            assertEquals(i + 1, thread.argument(i));
        }
        for (int i = 0; i < 4; i++) {
            thread.setResult(i, 100 + i);
        }
        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(100, thread.syscallNumber());
        assertEquals(101, thread.argument(0));
        assertEquals(102, thread.argument(1));
        assertEquals(103, thread.argument(2));
        assertEquals(4, thread.argument(3), "esi is no result and survives");
        assertEquals(6, thread.argument(5), "ebp survives");
    }

    @Test
    void aSegmentRegisterOneThreadLoadsStaysItsOwn() {
        guest.code(space, X86Guest.CODE, X86.MOV_ZERO_TO_DS, X86.INT_80);
        guest.code(space, X86Guest.CODE + 0x1000, X86.MOV_GS0_TO_EBX, X86.INT_80);
        X86CpuContext loader = guest.context(X86Guest.CODE);
        X86CpuContext other = guest.context(X86Guest.CODE + 0x1000);
        other.setThreadPointer(0x4444_0000);

        assertEquals(Trap.SYSCALL, guest.run(loader, space));
        assertEquals(0, loader.registers().get("ds"));
        assertEquals(Trap.SYSCALL, guest.run(other, space));
        assertEquals(0x23, other.registers().get("ds"));
        assertEquals(0x4444_0000, other.argument(0));
    }
}
