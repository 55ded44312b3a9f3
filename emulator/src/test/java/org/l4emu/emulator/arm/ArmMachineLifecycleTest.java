package org.l4emu.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Machines;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.junit.jupiter.api.Test;

class ArmMachineLifecycleTest {
    @Test
    void factoryOpensArm() {
        try (Machine machine = Machines.open(Architecture.ARM)) {
            assertInstanceOf(ArmMachine.class, machine);
            assertEquals(Architecture.ARM, machine.architecture());
            assertEquals(ArmMachine.DEFAULT_MEMORY_SIZE, machine.memory().size());
        }
    }

    @Test
    void gigabytesOfPhysicalMemoryCostOnlyWhatIsTouched() throws IOException, OutOfPhysicalMemoryException {
        long before = residentKilobytes();
        try (Machine machine = Machines.open(Architecture.ARM, 3L << 30)) {
            PhysicalMemory memory = machine.memory();
            long frame = memory.allocateFrame();
            memory.writeWord(frame, 1);
            memory.writeWord(memory.size() - 4, 2);
            long growth = residentKilobytes() - before;
            assertTrue(growth < 256 * 1024, "resident memory grew by " + growth + " KiB");
        }
    }

    @Test
    void physicalMemoryReadsWritesAndChecksBounds() throws OutOfPhysicalMemoryException {
        try (Machine machine = Machines.open(Architecture.ARM, 1L << 20)) {
            PhysicalMemory memory = machine.memory();
            long a = memory.allocateFrame();
            long b = memory.allocateFrame();
            memory.write(a + 10, new byte[] {1, 2, 3}, 0, 3);
            memory.copy(a + 10, b + 100, 3);
            byte[] copied = new byte[3];
            memory.read(b + 100, copied, 0, 3);

            assertArrayEquals(new byte[] {1, 2, 3}, copied);
            assertEquals(0x0003_0201, memory.readWord(b + 100) & 0x00FF_FFFF);
            memory.writeByte(b, (byte) 7);
            assertEquals(7, memory.readByte(b));
            memory.zero(b, PhysicalMemory.PAGE_SIZE);
            assertEquals(0, memory.readWord(b + 100));
            assertEquals(2, memory.allocatedFrames());
            assertThrows(IndexOutOfBoundsException.class, () -> memory.readWord(1L << 20));
            assertThrows(IndexOutOfBoundsException.class, () -> memory.writeWord(-4, 0));
        }
    }

    @Test
    void freedFramesComeBackZeroedAndFrameZeroIsNeverHandedOut() throws OutOfPhysicalMemoryException {
        try (Machine machine = Machines.open(Architecture.ARM, 1L << 20)) {
            PhysicalMemory memory = machine.memory();
            long frame = memory.allocateFrame();
            assertTrue(frame > 0);
            memory.writeWord(frame + 4092, -1);
            memory.freeFrames(frame, 1);

            assertEquals(frame, memory.allocateFrame());
            assertEquals(0, memory.readWord(frame + 4092));
        }
    }

    @Test
    void newContextsStartInUserModeWithOnlyPcAndSp() {
        try (Machine machine = Machines.open(Architecture.ARM, 1L << 20)) {
            CpuContext arm = machine.createContext(0x8000, 0x7000);
            CpuContext thumb = machine.createContext(0x8001, 0x7000);

            assertEquals(0x8000, arm.instructionPointer());
            assertEquals(0x8001, thumb.instructionPointer());
            assertEquals(0x7000, arm.stackPointer());
            assertEquals(0x1D0, arm.registers().get("cpsr"));
            assertEquals(0x1F0, thumb.registers().get("cpsr"));
            assertEquals(0, arm.registers().get("r12"));
            assertEquals(17, arm.registers().size());
            assertThrows(IndexOutOfBoundsException.class, () -> arm.argument(6));
            assertThrows(IndexOutOfBoundsException.class, () -> arm.setResult(4, 0));
        }
    }

    private static long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
