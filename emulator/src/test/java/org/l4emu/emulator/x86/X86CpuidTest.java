package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

/**
 * What a guest learns about the CPU is the same on every engine: {@code cpuid} answers from
 * {@link X86Cpuid} for every leaf, and the feature-dependent instructions behave as the pinned
 * model makes them (before the model was pinned and cpuid hooked, Unicorn 2.0.1 and 2.1.1
 * answered leaves 1, 7 and 0x80000001 differently, refused {@code rdtscp} as privileged and as
 * undefined, and ran {@code lzcnt} as {@code lzcnt} and as {@code bsr}).
 */
class X86CpuidTest {
    private static final byte[] CPUID = {0x0F, (byte) 0xA2};
    private static final byte[] RDTSCP = {0x0F, 0x01, (byte) 0xF9};
    /** lzcnt %ebx, %eax */
    private static final byte[] LZCNT_EBX_EAX = {(byte) 0xF3, 0x0F, (byte) 0xBD, (byte) 0xC3};

    private final X86Guest guest = new X86Guest();
    private final AddressSpace space = guest.newSpace();

    @AfterEach
    void close() {
        guest.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4, 7, 0xd, 0x14, 0x40000000, 0x80000000, 0x80000001, 0x80000002, 0x80000003,
        0x80000004, 0x80000005, 0x80000006, 0x80000007, 0x80000008, 0x8000000a, 0x12345678, -1})
    void everyLeafIsAnsweredFromTheTable(int leaf) {
        for (int subleaf = 0; subleaf < 3; subleaf++) {
            int[] expected = X86Cpuid.leaf(leaf, subleaf);
            assertArrayEquals(expected, cpuid(leaf, subleaf), "leaf 0x" + Integer.toHexString(leaf) + "." + subleaf);
        }
    }

    @Test
    void theTableDescribesAPlainCpuWithNothingThatFaults() {
        assertArrayEquals(new int[] {1, 0x6d65344c, 0x6c617574, 0x72695675}, cpuid(0, 0), "max leaf 1, L4emuVirtual");
        assertArrayEquals(new int[] {0x663, 0x800, 0, 0x88100}, cpuid(1, 0), "cx8, cmov, clflush");
        assertArrayEquals(new int[] {0, 0, 0, 0}, cpuid(7, 0));
        assertArrayEquals(new int[] {0x80000004, 0, 0, 0}, cpuid(0x80000000, 0));
        assertArrayEquals(new int[] {0, 0, 0x20, 0}, cpuid(0x80000001, 0), "lzcnt");
        assertArrayEquals(new int[] {0, 0, 0, 0}, cpuid(0x80000008, 0));
    }

    @Test
    void rdtscpIsPrivilegedLikeRdtsc() {
        guest.code(space, X86Guest.CODE, RDTSCP);

        assertEquals(new Trap.CpuException(Trap.Kind.PRIVILEGED_INSTRUCTION, X86Guest.CODE, X86Guest.CODE),
                guest.run(guest.context(X86Guest.CODE), space));
    }

    @Test
    void lzcntCountsLeadingZeros() {
        guest.code(space, X86Guest.CODE, X86.movEbx(0x2222_2222), LZCNT_EBX_EAX, X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);

        assertEquals(Trap.SYSCALL, guest.run(thread, space));
        assertEquals(2, thread.register(X86CpuContext.EAX), "lzcnt, not bsr (29)");
    }

    private int[] cpuid(int leaf, int subleaf) {
        AddressSpace own = guest.newSpace();
        guest.code(own, X86Guest.CODE, X86.movEax(leaf), X86.movEcx(subleaf), X86.movEbx(0x5555_5555),
                X86.movEdx(0x6666_6666), CPUID, X86.INT_80);
        X86CpuContext thread = guest.context(X86Guest.CODE);
        assertEquals(Trap.SYSCALL, guest.run(thread, own));
        return new int[] {thread.register(X86CpuContext.EAX), thread.register(X86CpuContext.EBX),
            thread.register(X86CpuContext.ECX), thread.register(X86CpuContext.EDX)};
    }
}
