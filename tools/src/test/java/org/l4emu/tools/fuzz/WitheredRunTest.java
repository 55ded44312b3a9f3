package org.l4emu.tools.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A run whose fuzzers stopped calling while the keeper, servers and monitors ran on has tested
 * little of its budget: it is not clean, and the summary says so.
 */
class WitheredRunTest {
    private static final int IPC = 1;
    private static final int NO_CLASS = -1;

    private static FuzzOutcome outcomeOf(FuzzStatistics statistics) {
        return new FuzzOutcome(statistics, 0, null, null, null, null, 1, Map.of(), 0, 0, 0, 0, 0, 0);
    }

    @Test
    @DisplayName("100,000 calls of no generator class after the fuzzers' last make a withered run")
    void supportCallsAloneWither() {
        FuzzStatistics statistics = new FuzzStatistics();
        statistics.syscall(IPC, AttackClass.RANDOM.ordinal());
        for (long i = 0; i < FuzzOutcome.WITHERED_AFTER_SYSCALLS - 1; i++) {
            statistics.syscall(IPC, NO_CLASS);
        }
        assertTrue(outcomeOf(statistics).clean());
        statistics.syscall(IPC, NO_CLASS);
        assertEquals(FuzzOutcome.WITHERED_AFTER_SYSCALLS, statistics.syscallsSinceFuzzersActed());
        assertTrue(outcomeOf(statistics).withered());
        assertFalse(outcomeOf(statistics).clean());
    }

    @Test
    @DisplayName("a fault a generator class raised counts as the fuzzers acting")
    void aFaultKeepsTheRunGoing() {
        FuzzStatistics statistics = new FuzzStatistics();
        for (long i = 0; i < FuzzOutcome.WITHERED_AFTER_SYSCALLS - 1; i++) {
            statistics.syscall(IPC, NO_CLASS);
        }
        statistics.fault(AttackClass.FPAGES.ordinal());
        statistics.syscall(IPC, NO_CLASS);
        assertEquals(1, statistics.syscallsSinceFuzzersActed());
        assertTrue(outcomeOf(statistics).clean());
    }

    /**
     * Seed 1107 on x86: about 580,000 calls in, a thread that the random class created in the
     * keeper's task left an invalid receive window in the keeper's UTCB. The keeper's sleeps then
     * failed at once (error 9, S5) and, above everyone's priority, it starved the fuzzers for
     * good. The keeper and the monitors' naps now open no window.
     */
    @Test
    @DisplayName("a keeper whose window a thread of its task spoiled still sleeps (seed 1107, x86)")
    void spoiledKeeperWindowDoesNotWither() {
        FuzzRuns run = FuzzRuns.fuzz("--kernel", "--arch=x86", "--seed=1107", "--syscalls=700000");
        assertEquals(0, run.exitCode(), run.all());
        assertFalse(run.out().contains("WITHERED"), run.out());
    }
}
