package org.l4emu.emulator.x86;

import org.l4emu.emulator.engine.InstructionCounting;

/**
 * The counts of a run that just stopped, read before anything else runs on the engine (working
 * out a protection fault may run the faulting instruction again, which would count anew).
 *
 * @param started the instructions whose count hook ran: the completed ones and one that
 *                trapped while executing
 * @param atPause the instructions completed if the run paused without an exception
 * @param limit   the run's budget
 */
record RunCounts(long started, long atPause, long limit) {
    /** The counts of {@code counting} for a run with budget {@code limit}, stopped at {@code eip}. */
    static RunCounts of(InstructionCounting counting, int eip, long limit) {
        long pc = Integer.toUnsignedLong(eip);
        return new RunCounts(counting.completed(pc, false), counting.completedAtPause(pc, limit), limit);
    }
}
