package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArmAddressSpaceTest {
    /** Reads the word at r0 into r1, traps, and loops. */
    private static final int[] READ_LOOP = {Arm.LDR_R1_R0, Arm.SVC_0, Arm.branch(-2)};

    private final GuestMachine guest = new GuestMachine();

    @AfterEach
    void close() {
        guest.close();
    }

    @Test
    void destroyReturnsEveryTableFrame() {
        long before = guest.memory.allocatedFrames();
        AddressSpace space = guest.newSpace();
        long frame = guest.frame();
        for (long address = 0x1000; address < ArmAddressSpace.USER_LIMIT; address += 0x0100_0000) {
            space.map((int) address, frame, Access.READ);
        }
        space.destroy();
        guest.memory.freeFrames(frame, 1);

        assertEquals(before, guest.memory.allocatedFrames());
        assertThrows(IllegalStateException.class, () -> space.translate(0x1000));
        assertThrows(IllegalArgumentException.class, () -> guest.run(guest.context(GuestMachine.CODE), space));
    }
}
