package org.l4emu.emulator.scripted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.TrapHandler;
import org.l4emu.emulator.elf.ElfImage;

/** The scripted machine keeps the Machine contract: exact counts, budgets, faults, the trap handler loop. */
class ScriptedMachineTest {
    private static final int DATA = 0x0040_0000;
    private final List<ScriptedMachine> opened = new ArrayList<>();

    private ScriptedMachine machine(Architecture architecture) {
        ScriptedMachine machine = new ScriptedMachine(architecture);
        opened.add(machine);
        return machine;
    }

    @AfterEach
    void close() {
        opened.forEach(ScriptedMachine::close);
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("a system call sets the convention's registers, retires its instruction and leaves the ip after it")
    void syscallRegisters(Architecture architecture) {
        ScriptedMachine machine = machine(architecture);
        ScriptedContext thread = machine.createContext(0x10000, 0x20000);
        thread.setProgram(Script.of(Step.syscall(1, 10, 11, 12, 13, 14, 15).withInstructions(5)));
        Trap trap = machine.run(thread, machine.createAddressSpace(), 100);
        assertSame(Trap.SYSCALL, trap);
        assertEquals(1, thread.syscallNumber());
        for (int i = 0; i < 6; i++) {
            assertEquals(10 + i, thread.argument(i));
        }
        assertEquals(5, machine.instructionsRetired());
        assertEquals(0x10000 + 5 * ScriptedContext.INSTRUCTION_BYTES, thread.instructionPointer());
        thread.setResult(1, 77);
        assertEquals(77, thread.result(1));
        String numberRegister = architecture == Architecture.ARM ? "r7" : "eax";
        assertEquals(1, thread.registers().get(numberRegister));
    }

    @Test
    @DisplayName("a budget ends a run inside a step, which goes on where it stopped")
    void budgetsSplitSteps() {
        ScriptedMachine machine = machine(Architecture.ARM);
        ScriptedContext thread = machine.createContext(0x10000, 0);
        thread.setProgram(Script.of(Step.compute(10), Step.syscall(3).withInstructions(4)));
        AddressSpace space = machine.createAddressSpace();
        assertSame(Trap.BUDGET_EXHAUSTED, machine.run(thread, space, 7));
        assertEquals(7, machine.instructionsRetired());
        assertSame(Trap.BUDGET_EXHAUSTED, machine.run(thread, space, 6));
        assertEquals(13, machine.instructionsRetired());
        assertSame(Trap.SYSCALL, machine.run(thread, space, 100));
        assertEquals(14, machine.instructionsRetired());
    }

    @Test
    @DisplayName("an access without the rights faults at its instruction, unretired, and is executed again later")
    void faultsRepeatUntilMapped() throws OutOfPhysicalMemoryException {
        ScriptedMachine machine = machine(Architecture.X86);
        ScriptedContext thread = machine.createContext(0x10000, 0);
        thread.setProgram(Script.of(Step.write(DATA, 0x1234).withInstructions(3), Step.syscall(0)));
        AddressSpace space = machine.createAddressSpace();
        Trap first = machine.run(thread, space, 100);
        Trap.PageFault fault = assertInstanceOf(Trap.PageFault.class, first);
        assertEquals(DATA, fault.address());
        assertEquals(Access.WRITE, fault.access());
        assertEquals(0x10000 + 2 * ScriptedContext.INSTRUCTION_BYTES, fault.instructionPointer());
        assertEquals(2, machine.instructionsRetired());
        long frame = machine.memory().allocateFrame();
        space.map(DATA, frame, Access.READ);
        assertInstanceOf(Trap.PageFault.class, machine.run(thread, space, 100));
        space.map(DATA, frame, Access.READ_WRITE);
        assertSame(Trap.SYSCALL, machine.run(thread, space, 100));
        assertEquals(0x1234, machine.memory().readWord(frame));
        assertEquals(4, machine.instructionsRetired());
    }

    @Test
    @DisplayName("an exception repeats until the instruction pointer moves the thread elsewhere")
    void exceptionsRepeatUntilTheIpChanges() {
        ScriptedMachine machine = machine(Architecture.ARM);
        ScriptedContext thread = machine.createContext(0x10000, 0);
        thread.setProgram(Script.of(Step.raise(Trap.Kind.UNDEFINED_INSTRUCTION), Step.syscall(2)));
        AddressSpace space = machine.createAddressSpace();
        Trap.CpuException exception = assertInstanceOf(Trap.CpuException.class, machine.run(thread, space, 10));
        assertEquals(Trap.Kind.UNDEFINED_INSTRUCTION, exception.kind());
        assertEquals(0x10000, exception.instructionPointer());
        assertInstanceOf(Trap.CpuException.class, machine.run(thread, space, 10));
        thread.setInstructionPointer(0x20000);
        assertNull(thread.currentStep());
        assertSame(Trap.SYSCALL, machine.run(thread, space, 10));
        assertEquals(2, thread.syscallNumber());
        assertEquals(1, machine.instructionsRetired());
    }

    @Test
    @DisplayName("with a trap handler the run goes on with the thread it names, each under its own budget")
    void trapHandlerLoop() {
        ScriptedMachine machine = machine(Architecture.ARM);
        ScriptedContext a = machine.createContext(0x10000, 0);
        ScriptedContext b = machine.createContext(0x10000, 0);
        a.setProgram(Script.of(Step.syscall(3), Step.compute(50)));
        b.setProgram(Script.of(Step.syscall(3).withInstructions(2), Step.raise(Trap.Kind.BREAKPOINT)));
        AddressSpace space = machine.createAddressSpace();
        List<String> seen = new ArrayList<>();
        TrapHandler handler = (context, next) -> {
            seen.add(context == a ? "a" : "b");
            if (context == a) {
                next.set(b, space, 10);
            } else {
                next.set(a, space, 20);
            }
            return true;
        };
        assertSame(Trap.BUDGET_EXHAUSTED, machine.run(a, space, 10, handler));
        assertEquals(List.of("a", "b"), seen);
        assertEquals(1 + 2 + 20, machine.instructionsRetired());
        assertInstanceOf(Trap.CpuException.class, machine.run(b, space, 5, handler));
    }

    @Test
    @DisplayName("the default program runs every thread without one; a program that ends is an error, not a trap")
    void defaultProgramAndEnd() {
        ScriptedMachine machine = machine(Architecture.ARM);
        ScriptedContext thread = machine.createContext(0x10000, 0);
        machine.setDefaultProgram(context -> Step.syscall(context.instructionPointer() == 0x10000 ? 5 : 6));
        AddressSpace space = machine.createAddressSpace();
        machine.run(thread, space, 1);
        assertEquals(5, thread.syscallNumber());
        machine.run(thread, space, 1);
        assertEquals(6, thread.syscallNumber());
        thread.setProgram(new Script());
        IllegalStateException ended = assertThrows(IllegalStateException.class, () -> machine.run(thread, space, 1));
        assertTrue(ended.getMessage().contains("ran off the end of its program"), ended.getMessage());
    }

    @Test
    @DisplayName("arm spaces take a 16 KiB table and a frame per 4 MiB used, and give them back")
    void pageTablesCostFrames() {
        ScriptedMachine machine = machine(Architecture.ARM);
        long before = machine.memory().allocatedFrames();
        AddressSpace space = machine.createAddressSpace();
        assertEquals(before + 4, machine.memory().allocatedFrames());
        space.map(DATA, 0x10000, Access.READ);
        space.map(DATA + 0x1000, 0x10000, Access.READ);
        space.map(DATA + (4 << 20), 0x10000, Access.READ);
        assertEquals(before + 6, machine.memory().allocatedFrames());
        assertEquals(0x10000 + 0x123, space.translate(DATA + 0x1123));
        assertEquals(Access.READ, space.rights(DATA));
        space.unmap(DATA);
        assertEquals(-1, space.translate(DATA));
        assertEquals(Access.NONE, space.rights(0xC000_0000));
        space.destroy();
        assertEquals(before, machine.memory().allocatedFrames());
        assertThrows(IllegalArgumentException.class, () -> machine.createAddressSpace().map(0xC000_0000, 0x10000,
                Access.READ));
    }

    @Test
    @DisplayName("no frame left for a page table: IllegalStateException caused by OutOfPhysicalMemoryException")
    void outOfMemoryForTables() {
        ScriptedMachine machine = new ScriptedMachine(Architecture.ARM, 16 * 4096);
        opened.add(machine);
        IllegalStateException full = assertThrows(IllegalStateException.class, () -> {
            for (int i = 0; i < 16; i++) {
                machine.createAddressSpace();
            }
        });
        assertInstanceOf(OutOfPhysicalMemoryException.class, full.getCause());
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("the scripted image is a valid executable with its entry in an executable page")
    void scriptedImage(Architecture architecture) {
        ElfImage image = ScriptedImage.of(architecture);
        assertEquals(architecture, image.architecture());
        assertEquals(ScriptedImage.CODE_ADDRESS, image.entry());
        assertEquals(1, image.segments().size());
        assertEquals(Access.READ_EXECUTE, image.segments().getFirst().rights());
    }
}
