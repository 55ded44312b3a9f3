package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.Trap;

class TrapComparisonTest {
    private static final Trap.PageFault FAULT = new Trap.PageFault(0x5000, Access.READ, 0x1010);
    private static final Trap.CpuException EXCEPTION = new Trap.CpuException(Trap.Kind.ALIGNMENT, 0x5002, 0x1024);

    /** Every trap that differs from the first in one field, or in kind, beside the first. */
    private static final List<Trap> OTHERS = List.of(
            new Trap.PageFault(0x6000, Access.READ, 0x1010),
            new Trap.PageFault(0x5000, Access.WRITE, 0x1010),
            new Trap.PageFault(0x5000, Access.READ, 0x1014),
            new Trap.CpuException(Trap.Kind.UNDEFINED_INSTRUCTION, 0x5002, 0x1024),
            new Trap.CpuException(Trap.Kind.ALIGNMENT, 0x5006, 0x1024),
            new Trap.CpuException(Trap.Kind.ALIGNMENT, 0x5002, 0x1028),
            Trap.HANDLED);

    @Test
    void agreesWithTheRecordsEquals() {
        List<Trap> all = new java.util.ArrayList<>(List.of(FAULT, EXCEPTION,
                new Trap.PageFault(0x5000, new Access(Access.READ_BIT), 0x1010),
                new Trap.CpuException(Trap.Kind.ALIGNMENT, 0x5002, 0x1024)));
        all.addAll(OTHERS);
        for (Trap a : all) {
            for (Trap b : all) {
                assertEquals(a.equals(b), TrapComparison.same(a, b), a + " against " + b);
            }
        }
    }
}
