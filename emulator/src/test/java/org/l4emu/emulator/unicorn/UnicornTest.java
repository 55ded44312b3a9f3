package org.l4emu.emulator.unicorn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.l4emu.emulator.EmulatorUnavailableException;
import org.junit.jupiter.api.Test;

class UnicornTest {
    @Test
    void missingLibraryIsReportedInOneLineNamingThePackage() {
        EmulatorUnavailableException e = assertThrows(EmulatorUnavailableException.class,
                () -> UnicornLibrary.load("libunicorn-absent.so.2"));
        assertEquals("libunicorn-absent.so.2 not found: install the Debian package libunicorn2"
                + " (apt-get install libunicorn2)", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void registersRoundTripAsThirtyTwoBitValues() {
        try (Unicorn unicorn = Unicorn.open(UcArch.ARM, UcMode.ARM)) {
            unicorn.writeRegister(ArmRegister.R5, 0xFFFF_FFFF);
            unicorn.writeRegister(ArmRegister.SP, 0x8000_0000);
            assertEquals(0xFFFF_FFFF, unicorn.readRegister(ArmRegister.R5));
            assertEquals(0x8000_0000, unicorn.readRegister(ArmRegister.SP));

            unicorn.writeCoprocessor(ArmCpRegister.TPIDRURO, 0xABCD_0000);
            assertEquals(0xABCD_0000, unicorn.readCoprocessor(ArmCpRegister.TPIDRURO));
            assertEquals(0xABCD_0000, unicorn.readRegister(ArmRegister.TPIDRURO));
        }
    }

    @Test
    void batchesTransferTheirRegistersInOrder() {
        try (Unicorn unicorn = Unicorn.open(UcArch.ARM, UcMode.ARM); Arena arena = Arena.ofConfined()) {
            RegisterBatch batch = RegisterBatch.builder().add(ArmRegister.R0).add(ArmRegister.R1)
                    .addCoprocessor(ArmCpRegister.CONTEXTIDR).build(arena);
            batch.set(0, 10);
            batch.set(1, -2);
            batch.set(2, 0x42);
            unicorn.write(batch, 3);
            batch.set(0, 0);
            batch.set(2, 0);
            unicorn.read(batch, 3);

            assertEquals(10, batch.get(0));
            assertEquals(-2, batch.get(1));
            assertEquals(0x42, batch.get(2));
            assertEquals(0x42, unicorn.readCoprocessor(ArmCpRegister.CONTEXTIDR));
            assertThrows(IndexOutOfBoundsException.class, () -> unicorn.read(batch, 4));
        }
    }

    @Test
    void failedCallsThrowWithCodeAndLibraryText() {
        try (Unicorn unicorn = Unicorn.open(UcArch.ARM, UcMode.ARM); Arena arena = Arena.ofConfined()) {
            MemorySegment host = arena.allocate(8192, 4096);
            UnicornException e = assertThrows(UnicornException.class,
                    () -> unicorn.mapMemory(0x1001, 4096, UcProt.ALL, host));
            assertEquals(UcError.ARG, e.error());
            assertTrue(e.getMessage().contains("UC_ERR_ARG"), e.getMessage());
            assertTrue(e.getMessage().startsWith("uc_mem_map_ptr(0x1001"), e.getMessage());
        }
    }

    @Test
    void interruptHookSeesTheSvcAndExceptionsInHooksComeBackOut() {
        try (Unicorn unicorn = Unicorn.open(UcArch.ARM, UcMode.ARM)) {
            unicorn.mapMemory(0x1000, 0x1000, UcProt.ALL);
            unicorn.writeMemory(0x1000, new byte[] {0, 0, 0, (byte) 0xEF, 0, 0, 0, (byte) 0xEF});
            int[] seen = {-1};
            long hook = unicorn.addInterruptHook(number -> {
                seen[0] = number;
                unicorn.stop();
            });
            assertEquals(UcError.OK.code(), unicorn.emulate(0x1000, 0, 0, 10));
            assertEquals(2, seen[0]);
            assertEquals(0x1004, unicorn.readRegister(ArmRegister.PC));
            unicorn.deleteHook(hook);

            unicorn.addInterruptHook(number -> {
                throw new IllegalStateException("hook failure " + number);
            });
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> unicorn.emulate(0x1000, 0, 0, 10));
            assertEquals("hook failure 2", e.getCause().getMessage());
        }
    }
}
