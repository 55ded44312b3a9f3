package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.unicorn.UcMemType;

class ProtectionFaultsTest {
    private static final int CODE = 0x0001_0F00;
    private static final int NEXT_PAGE = 0x0001_1000;

    @Test
    void aPageLackingOneRightNamesIt() {
        assertEquals(UcMemType.FETCH_PROT, ProtectionFaults.type(Access.READ_WRITE, 0x5000, CODE));
        assertEquals(UcMemType.WRITE_PROT, ProtectionFaults.type(Access.READ_EXECUTE, 0x5000, CODE));
        assertEquals(UcMemType.FETCH_PROT, ProtectionFaults.type(Access.WRITE, 0x5000, CODE), "write implies read");
        assertEquals(UcMemType.WRITE_PROT, ProtectionFaults.type(Access.EXECUTE, 0x5000, CODE), "execute implies read");
    }

    @Test
    void onAReadOnlyPageEipDecidesWhereItCan() {
        assertEquals(UcMemType.FETCH_PROT, ProtectionFaults.type(Access.READ, CODE, CODE), "EIP on the page");
        assertEquals(UcMemType.FETCH_PROT, ProtectionFaults.type(Access.READ, CODE + 0x80, CODE));
        assertEquals(UcMemType.WRITE_PROT, ProtectionFaults.type(Access.READ, 0x5000, CODE), "far from EIP");
        assertEquals(UcMemType.WRITE_PROT, ProtectionFaults.type(Access.READ, NEXT_PAGE + 4, CODE),
                "a block runs into the next page at its start");
        assertEquals(UcMemType.WRITE_PROT, ProtectionFaults.type(Access.READ, CODE - 0x1000, CODE), "the page before");
    }

    @Test
    void theStartOfThePageAfterEipIsLeftOpen() {
        assertEquals(ProtectionFaults.UNKNOWN, ProtectionFaults.type(Access.READ, NEXT_PAGE, CODE));
    }

    @Test
    void pagesThatCannotRaiseARightsFaultAreLeftOpen() {
        assertEquals(ProtectionFaults.UNKNOWN, ProtectionFaults.type(Access.NONE, 0x5000, CODE));
        assertEquals(ProtectionFaults.UNKNOWN, ProtectionFaults.type(Access.ALL, 0x5000, CODE));
    }

    @Test
    void theTopOfTheAddressSpaceDoesNotWrap() {
        assertEquals(UcMemType.WRITE_PROT, ProtectionFaults.type(Access.READ, 0, 0xFFFF_F000));
        assertEquals(UcMemType.FETCH_PROT, ProtectionFaults.type(Access.READ, 0xFFFF_E800, 0xFFFF_E000));
    }
}
