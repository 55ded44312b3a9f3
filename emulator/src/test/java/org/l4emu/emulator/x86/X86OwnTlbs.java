package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.engine.Accelerator;
import org.l4emu.emulator.engine.Accelerators;
import org.l4emu.emulator.spacetlb.SpaceTlbs;

/**
 * What the tests of x86 spaces keeping a TLB of their own ({@link SpaceTlbs}) share: a fresh
 * guest for each test, skipped where the accelerator is not in use (switched off, its check
 * failed, or engines per space).
 */
abstract class X86OwnTlbs {
    static final int PAGE = 4096;
    static final int CODE = X86Guest.CODE;
    static final int DATA = X86Guest.DATA;
    /** {@code mov (%esi), %ecx}. */
    static final byte[] LOAD_ECX_FROM_ESI = {(byte) 0x8B, 0x0E};

    protected X86Guest guest;
    private AddressSpace other;

    @BeforeEach
    void open() {
        guest = new X86Guest();
        Accelerators.Outcome outcome = Accelerators.outcomes("x86").get(Accelerator.SPACE_TLBS);
        assumeTrue(outcome != null && outcome.state() == Accelerators.State.ACTIVE, "spaces keep no TLB of their own here");
    }

    @AfterEach
    void close() {
        guest.close();
    }

    /** Runs another space, so that every other space leaves the one TLB x86 has and its table is kept aside. */
    void pushOut() {
        if (other == null) {
            other = guest.newSpace();
            guest.code(other, X86Guest.CODE, X86.INT_80);
        }
        assertEquals(Trap.SYSCALL, guest.run(guest.context(X86Guest.CODE), other));
    }

    /** A thread at {@link X86Guest#CODE} with ESI at {@code data}. */
    X86CpuContext reader(int data) {
        X86CpuContext thread = guest.context(X86Guest.CODE);
        thread.setRegister(X86CpuContext.ESI, data);
        return thread;
    }
}
