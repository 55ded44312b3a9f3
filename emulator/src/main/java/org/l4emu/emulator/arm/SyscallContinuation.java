package org.l4emu.emulator.arm;

import org.l4emu.emulator.TrapHandler;

/**
 * The fast path of {@link ArmMachine#run(org.l4emu.emulator.CpuContext, org.l4emu.emulator.AddressSpace,
 * long, TrapHandler)}: inside Unicorn's interrupt hook, a system call is handed to the
 * {@link TrapHandler} and the CPU goes on with the thread the handler names, without
 * uc_emu_stop and a new uc_emu_start, which cost more than the whole call.
 *
 * <p>At the svc: the trapping thread's registers are saved into its context and its
 * instructions, the svc included, are retired, so the handler sees an exact count. Then the
 * handler runs; it either names the next thread, which the CPU loads (its registers, and its
 * address space's bank) together with its budget, or ends the run, which stops the CPU.
 *
 * <p>An exception must not unwind through Unicorn's native frames: one thrown by the handler or
 * by loading the next thread is kept, the CPU is stopped before it executes anything more, and
 * {@link #rethrowFailure()} throws it again from the machine's run.
 */
final class SyscallContinuation {
    private final ArmCpu cpu;
    private final RetiredInstructions retired;
    private final TrapHandler.Continuation next = new TrapHandler.Continuation();
    private TrapHandler handler;
    private ArmCpuContext running;
    private long budget;
    private boolean endedByHandler;
    private Throwable failure;

    SyscallContinuation(ArmCpu cpu, RetiredInstructions retired) {
        this.cpu = cpu;
        this.retired = retired;
    }

    /**
     * A run of {@code thread} with {@code budget} instructions starts; {@code handler} takes its
     * system calls, or none when null: then each one stops the CPU.
     */
    void begin(TrapHandler handler, ArmCpuContext thread, long budget) {
        this.handler = handler;
        this.running = thread;
        this.budget = budget;
        this.endedByHandler = false;
        this.failure = null;
    }

    /** The run is over: drops the handler and the thread. */
    void end() {
        handler = null;
        running = null;
        endedByHandler = false;
        failure = null;
    }

    /** The thread the CPU runs now: the one the last continuation named. */
    ArmCpuContext running() {
        return running;
    }

    /** The budget the running thread was given. */
    long budget() {
        return budget;
    }

    /** A hint instruction paused the CPU: the running thread goes on with what is left of its budget. */
    void resumeWith(long remaining) {
        budget = remaining;
    }

    /** True when the handler ended the run at a system call (the machine returns {@code HANDLED}). */
    boolean endedByHandler() {
        return endedByHandler;
    }

    /** Throws what failed inside the hook, if anything did. */
    void rethrowFailure() {
        Throwable thrown = failure;
        if (thrown == null) {
            return;
        }
        failure = null;
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("the trap handler failed", thrown);
    }

    /**
     * Called by the interrupt hook at an svc. Returns true when the CPU goes on (with the same
     * or another thread), false when it must stop.
     */
    boolean continueAfterSyscall() {
        if (handler == null) {
            return false;
        }
        try {
            cpu.saveInto(running);
            retired.add(cpu.counting().completed(Integer.toUnsignedLong(running.register(ArmCpuContext.PC)), false));
            if (!handler.handleSyscall(running, next)) {
                endedByHandler = true;
                return false;
            }
            ArmCpuContext following = ArmMachine.armContext(next.context());
            ArmAddressSpace space = ArmMachine.liveArmSpace(next.space());
            long followingBudget = ArmMachine.validBudget(next.budget());
            cpu.continueWith(following, space, followingBudget);
            running = following;
            budget = followingBudget;
            return true;
        } catch (Throwable t) {
            failure = t;
            try {
                cpu.stopBeforeNextInstruction();
            } catch (Throwable stopFailure) {
                t.addSuppressed(stopFailure);
            }
            return false;
        }
    }
}
