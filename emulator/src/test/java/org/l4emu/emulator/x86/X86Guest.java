package org.l4emu.emulator.x86;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.contract.Guest;
import org.l4emu.emulator.contract.IsaFixture;

/**
 * An x86 machine with helpers to place hand-assembled code: the design this Unicorn runs best
 * ({@link X86Machines}), so that running the tests with each library covers both, or the
 * engine-per-space design on any library ({@link #pooled()}).
 */
final class X86Guest extends Guest {
    X86Guest() {
        this(X86Machines.open(MEMORY));
    }

    private X86Guest(Machine machine) {
        super(IsaFixture.X86, machine);
    }

    /** A guest on the engine-per-space design, whatever the library. */
    static X86Guest pooled() {
        return new X86Guest(new PooledMachine(MEMORY));
    }

    /** A one-engine guest whose spaces do not keep their own TLB: every switch writes CR3 and flushes. */
    static X86Guest flushing() {
        Machine machine = X86Machines.open(MEMORY);
        if (machine instanceof X86Machine x86) {
            try {
                java.lang.reflect.Field field = X86Machine.class.getDeclaredField("cpu");
                field.setAccessible(true);
                ((X86Cpu) field.get(x86)).useSpaceTlbs(null, null);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return new X86Guest(machine);
    }

    /** The machine as the engine-per-space design (for guests made by {@link #pooled()}). */
    PooledMachine pooledMachine() {
        return (PooledMachine) machine;
    }

    /** Puts {@code instructions} at {@code address} (page aligned) in a new read-execute page. */
    long code(AddressSpace space, int address, byte[]... instructions) {
        return code(space, address, X86.concat(instructions));
    }

    @Override
    public X86CpuContext context(int entry) {
        return (X86CpuContext) super.context(entry);
    }
}
