package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Machines;
import org.l4emu.emulator.OutOfPhysicalMemoryException;

class X86MachineLifecycleTest {
    @Test
    void factoryOpensX86() {
        try (Machine machine = Machines.open(Architecture.X86)) {
            Class<?> design = X86Machines.oneEngine() ? X86Machine.class : PooledMachine.class;
            assertInstanceOf(design, machine);
            assertEquals(Architecture.X86, machine.architecture());
            assertEquals(X86Machines.DEFAULT_MEMORY_SIZE, machine.memory().size());
        }
    }

    @Test
    void newContextsStartInRingThreeWithOnlyEipAndEsp() {
        try (Machine machine = Machines.open(Architecture.X86, 1L << 20)) {
            var registers = machine.createContext(0x1_0000, 0x8_0000).registers();
            assertEquals(0x1_0000, registers.get("eip"));
            assertEquals(0x8_0000, registers.get("esp"));
            assertEquals(0, registers.get("eax"));
            assertEquals(0x202, registers.get("eflags"));
            assertEquals(0x1b, registers.get("cs"));
            assertEquals(0x23, registers.get("ss"));
        }
    }

    @Test
    void eachDesignRejectsTheOthersSpaces() {
        assumeTrue(X86Machines.oneEngine(), "this Unicorn runs the engine-per-space design alone");
        try (Machine one = new X86Machine(1L << 20); Machine pooled = new PooledMachine(1L << 20)) {
            AddressSpace pooledSpace = pooled.createAddressSpace();
            AddressSpace oneSpace = one.createAddressSpace();
            assertThrows(IllegalArgumentException.class, () -> one.run(one.createContext(0x1_0000, 0), pooledSpace, 1));
            assertThrows(IllegalArgumentException.class,
                    () -> pooled.run(pooled.createContext(0x1_0000, 0), oneSpace, 1));
        }
    }

    @Test
    void runningOutOfPhysicalMemoryForSpacesIsAnOrdinaryFailure() {
        try (Machine small = X86Machines.open(16 * 4096)) {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    small.createAddressSpace();
                }
            });
            assertInstanceOf(OutOfPhysicalMemoryException.class, failure.getCause());
        }
    }

    @Test
    void memoryMustEndBelowTheMachinesOwnPages() {
        assertThrows(IllegalArgumentException.class, () -> X86Machines.open(KernelLayout.RAM_LIMIT + 4096));
        assertThrows(IllegalArgumentException.class, () -> X86Machines.open(4096 * 3 + 1));
    }
}
