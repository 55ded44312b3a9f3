package org.l4emu.emulator.arm;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.Trap;

/** An {@link ArmMachine} with helpers to place hand-assembled code and data in address spaces. */
final class GuestMachine implements AutoCloseable {
    static final int CODE = 0x0001_0000;
    static final int DATA = 0x0002_0000;
    static final int STACK_TOP = 0x0008_0000;

    final ArmMachine machine = new ArmMachine(64L << 20);
    final PhysicalMemory memory = machine.memory();

    AddressSpace newSpace() {
        return machine.createAddressSpace();
    }

    long frame() {
        try {
            return memory.allocateFrame();
        } catch (OutOfPhysicalMemoryException e) {
            throw new AssertionError(e);
        }
    }

    /** Puts ARM instruction words at {@code address} (page aligned) in a new read-execute page. */
    long arm(AddressSpace space, int address, int... words) {
        long frame = frame();
        writeArm(frame, words);
        space.map(address, frame, Access.READ_EXECUTE);
        return frame;
    }

    void writeArm(long frame, int... words) {
        for (int i = 0; i < words.length; i++) {
            memory.writeWord(frame + 4L * i, words[i]);
        }
    }

    /** Puts Thumb halfwords at {@code offset} of a new read-execute page mapped at {@code page}. */
    long thumb(AddressSpace space, int page, int offset, int... halfwords) {
        long frame = frame();
        writeThumb(frame + offset, halfwords);
        space.map(page, frame, Access.READ_EXECUTE);
        return frame;
    }

    void writeThumb(long address, int... halfwords) {
        for (int i = 0; i < halfwords.length; i++) {
            memory.writeByte(address + 2L * i, (byte) halfwords[i]);
            memory.writeByte(address + 2L * i + 1, (byte) (halfwords[i] >>> 8));
        }
    }

    /** A new zeroed page with {@code rights} at {@code address}. */
    long data(AddressSpace space, int address, Access rights) {
        long frame = frame();
        space.map(address, frame, rights);
        return frame;
    }

    ArmCpuContext context(int entry) {
        return (ArmCpuContext) machine.createContext(entry, STACK_TOP);
    }

    Trap run(CpuContext context, AddressSpace space) {
        return machine.run(context, space, 1_000_000);
    }

    @Override
    public void close() {
        machine.close();
    }
}
