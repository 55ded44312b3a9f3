package org.l4emu.emulator.unicorn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One upcall stub per kind of hook serves every engine: each upcall must reach its own engine's hook. */
class HookRoutingTest {
    private static final long CODE = 0x1000;
    /** svc #2; svc #3 (ARM, little-endian). */
    /** uc_mem_type of a data write. */
    private static final int UC_MEM_WRITE = 17;
    private static final byte[] TWO_SVCS = {2, 0, 0, (byte) 0xEF, 3, 0, 0, (byte) 0xEF};

    private static Unicorn engineWithTwoSvcs() {
        Unicorn unicorn = Unicorn.open(UcArch.ARM, UcMode.ARM);
        unicorn.mapMemory(CODE, 0x1000, UcProt.ALL);
        unicorn.writeMemory(CODE, TWO_SVCS);
        return unicorn;
    }

    @Test
    void hooksOfEnginesOpenTogetherEachSeeTheirOwnEngine() {
        try (Unicorn first = engineWithTwoSvcs(); Unicorn second = engineWithTwoSvcs()) {
            List<String> seen = new ArrayList<>();
            first.addInterruptHook(number -> seen.add("first " + first.readRegister(ArmRegister.PC)));
            second.addInterruptHook(number -> {
                throw new IllegalStateException("second engine's hook");
            });
            assertEquals(UcError.OK.code(), first.emulate(CODE, CODE + TWO_SVCS.length, 0, 0));
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> second.emulate(CODE, CODE + TWO_SVCS.length, 0, 0));
            assertEquals("second engine's hook", failure.getCause().getMessage());

            assertEquals(List.of("first " + (CODE + 4), "first " + (CODE + 8)), seen);
            assertEquals(UcError.OK.code(), first.emulate(CODE, CODE + TWO_SVCS.length, 0, 0));
            assertEquals(4, seen.size(), "the failure in the second engine stopped only that engine");
        }
    }

    @Test
    void aClosedEnginesHookNumbersServeTheNextEngine() {
        Unicorn closed = engineWithTwoSvcs();
        closed.addInterruptHook(number -> {
            throw new AssertionError("a closed engine's hook ran");
        });
        closed.close();
        try (Unicorn next = engineWithTwoSvcs()) {
            List<Integer> numbers = new ArrayList<>();
            next.addInterruptHook(number -> numbers.add(number));
            assertEquals(UcError.OK.code(), next.emulate(CODE, CODE + TWO_SVCS.length, 0, 0));
            assertEquals(List.of(2, 2), numbers, "both svcs raise the ARM supervisor call exception (2)");
        }
    }

    @Test
    void memoryHookArgumentsArriveAtTheirCWidths() {
        try (Unicorn unicorn = Unicorn.open(UcArch.ARM, UcMode.ARM)) {
            unicorn.mapMemory(CODE, 0x1000, UcProt.ALL);
            unicorn.mapMemory(0x8000, 0x1000, UcProt.ALL);
            // mvn r1, #0 (r1 = 0xFFFFFFFF); mov r2, #0x8000; str r1, [r2, #4]
            unicorn.writeMemory(CODE, new byte[] {0, 0x10, (byte) 0xE0, (byte) 0xE3, 2, 0x29, (byte) 0xA0,
                    (byte) 0xE3, 4, 0x10, (byte) 0x82, (byte) 0xE5});
            List<String> accesses = new ArrayList<>();
            unicorn.addMemoryHook((type, address, size, value) -> accesses.add(
                    type + " " + Long.toHexString(address) + " " + size + " " + Long.toHexString(value)));
            assertEquals(UcError.OK.code(), unicorn.emulate(CODE, CODE + 12, 0, 0));
            assertEquals(List.of(UC_MEM_WRITE + " 8004 4 ffffffff"), accesses);
        }
    }
}
