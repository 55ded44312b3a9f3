package org.l4emu.emulator.arm;

import org.l4emu.emulator.spacetlb.SpaceTlbs;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;

/**
 * Which address space each security state's TLB holds (see {@link ArmCpu}), and which of the
 * two a space entering evicts.
 *
 * <p>Entering the non-secure state flushes only its own TLB (TLBIALLNSNH), while entering the
 * secure one flushes both (QEMU has nothing narrower than TLBIALL for it). So the non-secure
 * state takes the spaces that come and go, and the secure one keeps its space while that space
 * runs now and then: a client calling a server through a monitor cycles three spaces, and with
 * one of them staying put each round trip enters two instead of three. The secure state takes a
 * new space only when it is empty or its space has not run for {@link #IDLE_ENTERS} entries.
 * Where spaces keep their own TLB ({@link SpaceTlbs}) neither entry flushes, and the same choice
 * still serves best: evicting instead the space whose next run seemed furthest away measured
 * slower (BENCHMARKS.md, The monitored path). Which space sits where changes host time only,
 * never what the guest sees.
 */
final class ResidentSpaces {
    /** Entries of other spaces after which the secure state's space counts as idle: longer cycles keep it. */
    private static final int IDLE_ENTERS = 8;

    private final ArmAddressSpace[] byBank = new ArmAddressSpace[Bank.values().length];
    private Bank active = Bank.NON_SECURE;
    private int entersSinceSecureRan;
    private ArmAddressSpace evicted;

    /** The space the last {@link #enter} evicted, or null. */
    ArmAddressSpace evicted() {
        return evicted;
    }

    /** The state whose TLB holds {@code space}, or null. */
    Bank holding(ArmAddressSpace space) {
        if (byBank[Bank.NON_SECURE.ordinal()] == space) {
            return Bank.NON_SECURE;
        }
        return byBank[Bank.SECURE.ordinal()] == space ? Bank.SECURE : null;
    }

    /** The state the CPU runs in. */
    Bank active() {
        return active;
    }

    /** The space {@code bank} holds, or null. */
    ArmAddressSpace space(Bank bank) {
        return byBank[bank.ordinal()];
    }

    /** Chooses the state {@code space} enters and records it there; the caller loads and flushes it. */
    Bank enter(ArmAddressSpace space) {
        entersSinceSecureRan++;
        Bank bank;
        if (byBank[Bank.NON_SECURE.ordinal()] == null) {
            bank = Bank.NON_SECURE;
        } else if (byBank[Bank.SECURE.ordinal()] == null || entersSinceSecureRan > IDLE_ENTERS) {
            bank = Bank.SECURE;
        } else {
            bank = Bank.NON_SECURE;
        }
        evicted = byBank[bank.ordinal()];
        byBank[bank.ordinal()] = space;
        return bank;
    }

    /** The CPU runs in {@code bank} now. */
    void activate(Bank bank) {
        active = bank;
        if (bank == Bank.SECURE) {
            entersSinceSecureRan = 0;
        }
    }

    /** Forgets both spaces. */
    void clear() {
        byBank[Bank.NON_SECURE.ordinal()] = null;
        byBank[Bank.SECURE.ordinal()] = null;
    }
}
