package org.l4emu.emulator.arm;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.contract.Guest;
import org.l4emu.emulator.contract.IsaFixture;

/** An {@link ArmMachine} with helpers to place hand-assembled A32 and Thumb code. */
final class GuestMachine extends Guest {
    GuestMachine() {
        super(IsaFixture.ARM, new ArmMachine(MEMORY));
    }

    /** Puts ARM instruction words at {@code address} (page aligned) in a new read-execute page. */
    long arm(AddressSpace space, int address, int... words) {
        return code(space, address, littleEndian(words, 4));
    }

    void writeArm(long frame, int... words) {
        byte[] code = littleEndian(words, 4);
        memory.write(frame, code, 0, code.length);
    }

    /** Puts Thumb halfwords at {@code offset} of a new read-execute page mapped at {@code page}. */
    long thumb(AddressSpace space, int page, int offset, int... halfwords) {
        byte[] code = new byte[offset + 2 * halfwords.length];
        System.arraycopy(littleEndian(halfwords, 2), 0, code, offset, 2 * halfwords.length);
        return code(space, page, code);
    }

    @Override
    public ArmCpuContext context(int entry) {
        return (ArmCpuContext) super.context(entry);
    }

    private static byte[] littleEndian(int[] values, int size) {
        byte[] bytes = new byte[values.length * size];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (values[i / size] >>> 8 * (i % size));
        }
        return bytes;
    }
}
