package org.l4emu.tools.fuzz;

import org.l4emu.kernel.invariants.InvariantChecker;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.kernel.trace.KernelView;

/**
 * The host half of a fuzz run: counts every system call and its IPC outcome, checks the
 * kernel's invariants after every trap, and stops the run at each progress mark and at the end
 * of the budget.
 */
final class FuzzObserver implements KernelEvents {
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
        statistics.syscall(number);
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
    public void threadExited(Thread thread, String reason) {
        statistics.threadEnded(reason);
    }

    @Override
    public void trapHandled(Thread thread) {
        checker.check();
    }

    FuzzStatistics statistics() {
        return statistics;
    }

    long invariantChecks() {
        return checker.checks();
    }

    boolean budgetSpent() {
        return statistics.syscalls() >= budget;
    }
}
