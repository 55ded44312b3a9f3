package org.l4emu.tools.fuzz;

import org.l4emu.kernel.invariants.InvariantChecker;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.kernel.trace.KernelView;

/**
 * The host half of a guest fuzz run (FuzzRun seeds the guests after boot): counts every system
 * call (by number, and by the class the guest names in its UTCB) and its IPC outcome, turns a guest's report of a broken guarantee into a violation,
 * checks the kernel's invariants after every trap, and stops the run at each progress mark and
 * at the end of the budget.
 */
final class FuzzObserver implements KernelEvents, FuzzLoop.Observer {
    private final long budget;
    private final long progressEvery;
    private final InvariantChecker checker = new InvariantChecker();
    private final FuzzStatistics statistics = new FuzzStatistics();
    private KernelView kernel;

    FuzzObserver(long budget, long progressEvery) {
        this.budget = budget;
        this.progressEvery = progressEvery;
    }

    @Override
    public void booted(KernelView kernel) {
        this.kernel = kernel;
        checker.booted(kernel);
    }

    @Override
    public void syscall(Thread thread, int number) {
        statistics.syscall(number, kernel.utcbWord(thread, SeedWords.CLASS_WORD) - 1);
        long count = statistics.syscalls();
        if (count >= budget || count % progressEvery == 0) {
            kernel.requestStop();
        }
    }

    @Override
    public void ipcFailed(Thread thread, int dope) {
        statistics.ipcFailed(dope);
    }

    @Override
    public void delivered(Thread sender, Thread receiver, int from, int tag, int dope) {
        statistics.delivered();
    }

    @Override
    public void console(Thread thread, byte[] bytes) {
        statistics.console(bytes.length);
    }

    @Override
    public void pageFault(Thread thread, int address, int accessBits, int instructionPointer) {
        statistics.fault(kernel.utcbWord(thread, SeedWords.CLASS_WORD) - 1);
    }

    @Override
    public void breakpoint(Thread thread, int argument) {
        GuestOracle broken = GuestOracle.reportedBy(argument);
        if (broken != null) {
            throw new FuzzViolation(thread + " reports: " + broken.statement());
        }
    }

    @Override
    public void threadExited(Thread thread, String reason) {
        statistics.threadEnded(reason);
    }

    @Override
    public void trapHandled(Thread thread) {
        checker.trapHandled(thread);
    }

    @Override
    public FuzzStatistics statistics() {
        return statistics;
    }

    @Override
    public long invariantChecks() {
        return checker.checks();
    }

    @Override
    public boolean budgetSpent() {
        return statistics.syscalls() >= budget;
    }
}
