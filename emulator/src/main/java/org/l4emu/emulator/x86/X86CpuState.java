package org.l4emu.emulator.x86;

import static org.l4emu.emulator.engine.InternalsCheck.expect;
import static org.l4emu.emulator.host.ReadableMemory.PROCESS;

import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.engine.RegisterSignature;
import org.l4emu.emulator.host.ReadableMemory;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.X86Register;

/**
 * QEMU's x86 CPU state ({@code CPUX86State}, of the x86_64 target Unicorn builds), found by
 * calibration: it starts with {@code target_ulong regs[]}, EAX to EDI first as 64-bit words,
 * and holds {@code cr[5]} further on. Spaces that keep their own TLB write CR3 here: Unicorn's
 * register write goes through {@code cpu_x86_update_cr3}, whose only other work is the TLB
 * flush they avoid (QEMU's walk reads the PAE pointers from memory at each walk).
 */
final class X86CpuState {
    private static final X86Register[] SIGNATURE_REGISTERS = {X86Register.EAX, X86Register.ECX, X86Register.EDX,
        X86Register.EBX, X86Register.ESP, X86Register.EBP, X86Register.ESI, X86Register.EDI};
    /** How far into the state {@code cr[]} may lie. */
    private static final int CONTROL_REGISTER_SEARCH = 4096;
    /** A page-directory-pointer table is 32-byte aligned: another place for the check's CR3 writes. */
    private static final int OTHER_CR3 = 0x1000;

    private final long address;
    private final long cr3;

    private X86CpuState(long address, long cr3) {
        this.address = address;
        this.cr3 = cr3;
    }

    /** Where the state starts ({@code regs[0]}). */
    long address() {
        return address;
    }

    /** Sets CR3 without Unicorn's register write, so without its TLB flush. */
    void writeCr3(long value) {
        PROCESS.set(ValueLayout.JAVA_LONG, cr3, value);
    }

    /**
     * Finds the state of {@code unicorn}'s CPU and CR3 in it, and checks CR3 both ways: a value
     * Unicorn writes must appear here, and one written here must read back through Unicorn. The
     * general registers are left changed, and CR3 as it was; the TLB is flushed.
     */
    static X86CpuState locate(Unicorn unicorn, ReadableMemory memory) {
        long address = RegisterSignature.locate(unicorn.handle().address(), memory, SIGNATURE_REGISTERS.length,
                Long.BYTES, (register, value) -> unicorn.writeRegister(SIGNATURE_REGISTERS[register], value),
                "the x86 CPU state");
        long cr3 = findCr3(unicorn, memory, address);
        X86CpuState state = new X86CpuState(address, cr3);
        state.checkCr3(unicorn);
        return state;
    }

    /** The one place from which {@code cr[0]} to {@code cr[4]} hold what Unicorn reads (CR1 aside). */
    private static long findCr3(Unicorn unicorn, ReadableMemory memory, long state) {
        long[] wanted = new long[5];
        for (int i : new int[] {0, 2, 3, 4}) {
            wanted[i] = Integer.toUnsignedLong(unicorn.readRegister(controlRegister(i)));
        }
        long readable = memory.readableBytes(state, CONTROL_REGISTER_SEARCH);
        long found = 0;
        int count = 0;
        for (long at = state; at + wanted.length * (long) Long.BYTES <= state + readable; at += Long.BYTES) {
            boolean matches = true;
            for (int i : new int[] {0, 2, 3, 4}) {
                matches &= PROCESS.get(ValueLayout.JAVA_LONG, at + (long) i * Long.BYTES) == wanted[i];
            }
            if (matches) {
                found = at + 3L * Long.BYTES;
                count++;
            }
        }
        expect(count == 1, "found " + count + " candidates for CR3 in the x86 CPU state");
        return found;
    }

    private void checkCr3(Unicorn unicorn) {
        int original = unicorn.readRegister(X86Register.CR3);
        int other = original ^ OTHER_CR3;
        unicorn.writeRegister(X86Register.CR3, other);
        boolean seen = PROCESS.get(ValueLayout.JAVA_LONG, cr3) == Integer.toUnsignedLong(other);
        writeCr3(Integer.toUnsignedLong(original));
        boolean readBack = unicorn.readRegister(X86Register.CR3) == original;
        unicorn.flushTlb();
        expect(seen && readBack, "CR3 in the x86 CPU state and Unicorn's register calls disagree");
    }

    private static X86Register controlRegister(int number) {
        return switch (number) {
            case 0 -> X86Register.CR0;
            case 2 -> X86Register.CR2;
            case 3 -> X86Register.CR3;
            case 4 -> X86Register.CR4;
            default -> throw new IllegalArgumentException("CR" + number);
        };
    }
}
