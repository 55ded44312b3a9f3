package org.l4emu.emulator.unicorn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed list of registers read or written with one {@code uc_reg_read_batch} /
 * {@code uc_reg_write_batch} call, with native buffers allocated once so that the per-trap path
 * allocates nothing. A prefix of the list can be transferred on its own, so put the registers
 * that are only sometimes needed last.
 */
public final class RegisterBatch {
    /** Every slot is large enough for a {@code struct uc_arm_cp_reg}. */
    private static final long SLOT_SIZE = ArmCpRegister.LAYOUT.byteSize();

    private final int size;
    private final MemorySegment ids;
    private final MemorySegment pointers;
    private final MemorySegment values;
    private final long[] valueOffsets;

    private RegisterBatch(Arena arena, List<Slot> slots) {
        this.size = slots.size();
        this.ids = arena.allocate(ValueLayout.JAVA_INT, size);
        this.pointers = arena.allocate(ValueLayout.ADDRESS, size);
        this.values = arena.allocate(SLOT_SIZE * size, 8);
        this.valueOffsets = new long[size];
        for (int i = 0; i < size; i++) {
            Slot slot = slots.get(i);
            MemorySegment value = values.asSlice(i * SLOT_SIZE, SLOT_SIZE);
            ids.setAtIndex(ValueLayout.JAVA_INT, i, slot.id);
            pointers.setAtIndex(ValueLayout.ADDRESS, i, value);
            if (slot.coprocessor != null) {
                slot.coprocessor.describeIn(value);
                valueOffsets[i] = i * SLOT_SIZE + ArmCpRegister.VALUE_OFFSET;
            } else {
                valueOffsets[i] = i * SLOT_SIZE;
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return size;
    }

    /** The value of slot {@code index} as last read or set (low 32 bits). */
    public int get(int index) {
        return values.get(ValueLayout.JAVA_INT_UNALIGNED, valueOffsets[index]);
    }

    /** Sets slot {@code index} to {@code value}, zero-extended to 64 bits. */
    public void set(int index, int value) {
        values.set(ValueLayout.JAVA_LONG_UNALIGNED, valueOffsets[index], Integer.toUnsignedLong(value));
    }

    MemorySegment ids() {
        return ids;
    }

    MemorySegment pointers() {
        return pointers;
    }

    void checkCount(int count) {
        if (count < 0 || count > size) {
            throw new IndexOutOfBoundsException("batch of " + size + " registers, asked for " + count);
        }
    }

    private record Slot(int id, ArmCpRegister coprocessor) {
    }

    /** Collects the registers of a batch in transfer order. */
    public static final class Builder {
        private final List<Slot> slots = new ArrayList<>();

        public Builder add(ArmRegister register) {
            if (register == ArmRegister.CP_REG) {
                throw new IllegalArgumentException("name the coprocessor register with addCoprocessor");
            }
            slots.add(new Slot(register.id(), null));
            return this;
        }

        public Builder addCoprocessor(ArmCpRegister register) {
            slots.add(new Slot(ArmRegister.CP_REG.id(), register));
            return this;
        }

        /** Allocates the batch's buffers in {@code arena}, which must outlive every use. */
        public RegisterBatch build(Arena arena) {
            return new RegisterBatch(arena, slots);
        }
    }
}
