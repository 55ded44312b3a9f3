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
    private final MemorySegment[] slotValues;
    /** ids and pointers viewed from each index, made once so that partial transfers allocate nothing. */
    private final MemorySegment[] idsFrom;
    private final MemorySegment[] pointersFrom;

    private RegisterBatch(Arena arena, List<Slot> slots) {
        this.size = slots.size();
        this.ids = arena.allocate(ValueLayout.JAVA_INT, size);
        this.pointers = arena.allocate(ValueLayout.ADDRESS, size);
        this.values = arena.allocate(SLOT_SIZE * size, 8);
        this.valueOffsets = new long[size];
        this.slotValues = new MemorySegment[size];
        this.idsFrom = new MemorySegment[size + 1];
        this.pointersFrom = new MemorySegment[size + 1];
        for (int i = 0; i < size; i++) {
            Slot slot = slots.get(i);
            MemorySegment value = values.asSlice(i * SLOT_SIZE, SLOT_SIZE);
            slotValues[i] = value;
            ids.setAtIndex(ValueLayout.JAVA_INT, i, slot.id);
            pointers.setAtIndex(ValueLayout.ADDRESS, i, value);
            if (slot.coprocessor != null) {
                slot.coprocessor.describeIn(value, slot.bank);
                valueOffsets[i] = i * SLOT_SIZE + ArmCpRegister.VALUE_OFFSET;
            } else {
                valueOffsets[i] = i * SLOT_SIZE;
            }
        }
        for (int i = 0; i <= size; i++) {
            idsFrom[i] = ids.asSlice(i * ValueLayout.JAVA_INT.byteSize());
            pointersFrom[i] = pointers.asSlice(i * ValueLayout.ADDRESS.byteSize());
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

    /**
     * Makes coprocessor slot {@code index} name {@code register} in {@code bank} instead (value
     * 0), so that one batch can reach whichever bank or operation a transfer needs.
     */
    public void setCoprocessor(int index, ArmCpRegister register, ArmCpRegister.Bank bank) {
        if (ids.getAtIndex(ValueLayout.JAVA_INT, index) != ArmRegister.CP_REG.id()) {
            throw new IllegalArgumentException("slot " + index + " is not a coprocessor register");
        }
        register.describeIn(slotValues[index], bank);
    }

    /** The address of the register IDs from slot {@code index} on. */
    long idsAddress(int index) {
        return idsFrom[index].address();
    }

    /** The address of the value pointers from slot {@code index} on. */
    long pointersAddress(int index) {
        return pointersFrom[index].address();
    }

    void checkRange(int from, int count) {
        if (from < 0 || count < 0 || from + count > size) {
            throw new IndexOutOfBoundsException("batch of " + size + " registers, asked for " + count + " from " + from);
        }
    }

    private record Slot(int id, ArmCpRegister coprocessor, ArmCpRegister.Bank bank) {
    }

    /** Collects the registers of a batch in transfer order. */
    public static final class Builder {
        private final List<Slot> slots = new ArrayList<>();

        public Builder add(EngineRegister register) {
            if (register == ArmRegister.CP_REG) {
                throw new IllegalArgumentException("name the coprocessor register with addCoprocessor");
            }
            slots.add(new Slot(register.id(), null, null));
            return this;
        }

        public Builder addCoprocessor(ArmCpRegister register) {
            return addCoprocessor(register, ArmCpRegister.Bank.NON_SECURE);
        }

        public Builder addCoprocessor(ArmCpRegister register, ArmCpRegister.Bank bank) {
            slots.add(new Slot(ArmRegister.CP_REG.id(), register, bank));
            return this;
        }

        /** Allocates the batch's buffers in {@code arena}, which must outlive every use. */
        public RegisterBatch build(Arena arena) {
            return new RegisterBatch(arena, slots);
        }
    }
}
