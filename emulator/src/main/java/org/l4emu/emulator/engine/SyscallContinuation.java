package org.l4emu.emulator.engine;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.TrapHandler;

/**
 * The fast path of {@link org.l4emu.emulator.Machine#run(CpuContext, AddressSpace, long, TrapHandler)},
 * the same for every machine that keeps all address spaces in one engine: inside Unicorn's
 * interrupt hook, a system call is handed to the {@link TrapHandler} and the CPU goes on with
 * the thread the handler names, without uc_emu_stop and a new uc_emu_start, which cost more
 * than the whole call.
 *
 * <p>At the system call: the trapping thread's registers are saved into its context and its
 * instructions, the system call included, are retired, so the handler sees an exact count.
 * Then the handler runs; it either names the next thread, which the CPU loads (its registers
 * and address space) together with its budget, or ends the run, which stops the CPU.
 *
 * <p>An exception must not unwind through Unicorn's native frames: one thrown by the handler or
 * by loading the next thread is kept, the CPU is stopped before it executes anything more, and
 * {@link #rethrowFailure()} throws it again from the machine's run.
 *
 * @param <C> the machine's register set
 * @param <S> the machine's address space
 */
public final class SyscallContinuation<C extends CpuContext, S extends AddressSpace> {
    /** What the continuation and {@link ContinuedRun} need of the CPU; the machine's CPU implements it. */
    public interface Cpu<C, S> {
        /** Makes the CPU run {@code context} in {@code space} (its registers and translation). */
        void prepare(C context, S space);

        /**
         * Emulates {@code context}, which the CPU holds, for at most {@code budget} instructions,
         * after telling {@link #counting()} the run starts; uc_emu_start's result.
         */
        int emulate(C context, long budget);

        /** Reads the registers back into {@code context}, which the CPU runs now. */
        void saveInto(C context);

        /** How the CPU counts instructions. */
        InstructionCounting counting();

        /**
         * True when a system call can switch threads inside the hook: the counter gives a new
         * budget there ({@link InstructionCounting#canContinueInHook()}) and the CPU can load the
         * next thread in place.
         */
        boolean continuesInHook();

        /**
         * False when the system call of {@code context}, just saved, must stop the CPU instead of
         * being handled in the hook: the CPU is in a state no other thread may inherit.
         */
        default boolean mayContinueAfter(C context) {
            return true;
        }

        /** Inside the hook: the CPU goes on with {@code context} in {@code space} for exactly {@code budget} instructions. */
        void continueWith(C context, S space, long budget);

        /** Inside the hook: the CPU stops before its next instruction, whatever else the hook did. */
        void stopBeforeNextInstruction();

        /** {@code context} as this machine's register set; throws {@link IllegalArgumentException} if it is not one. */
        C context(CpuContext context);

        /** {@code space} as a live address space of this machine; throws {@link IllegalArgumentException} if it is not one. */
        S space(AddressSpace space);
    }

    private final Cpu<C, S> cpu;
    private final RetiredInstructions retired;
    private final TrapHandler.Continuation next = new TrapHandler.Continuation();
    private TrapHandler handler;
    private C running;
    private long budget;
    private boolean endedByHandler;
    private Throwable failure;

    public SyscallContinuation(Cpu<C, S> cpu, RetiredInstructions retired) {
        this.cpu = cpu;
        this.retired = retired;
    }

    /** Throws {@link IllegalArgumentException} unless {@code maxInstructions} is a budget (at least 1). */
    public static long validBudget(long maxInstructions) {
        if (maxInstructions < 1) {
            throw new IllegalArgumentException("maxInstructions " + maxInstructions + " < 1");
        }
        return maxInstructions;
    }

    /**
     * A run of {@code thread} with {@code budget} instructions starts; {@code handler} takes its
     * system calls, or none when null: then each one stops the CPU.
     */
    public void begin(TrapHandler handler, C thread, long budget) {
        this.handler = handler;
        this.running = thread;
        this.budget = budget;
        this.endedByHandler = false;
        this.failure = null;
    }

    /** The run is over: drops the handler and the thread. */
    public void end() {
        handler = null;
        running = null;
        endedByHandler = false;
        failure = null;
    }

    /** The thread the CPU runs now: the one the last continuation named. */
    public C running() {
        return running;
    }

    /** The budget the running thread was given. */
    public long budget() {
        return budget;
    }

    /** The CPU paused without a trap: the running thread goes on with what is left of its budget. */
    public void resumeWith(long remaining) {
        budget = remaining;
    }

    /** True when the handler ended the run at a system call (the machine returns {@code HANDLED}). */
    public boolean endedByHandler() {
        return endedByHandler;
    }

    /** Throws what failed inside the hook, if anything did. */
    public void rethrowFailure() {
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
     * Called by the interrupt hook at a system call. Returns true when the CPU goes on (with the
     * same or another thread), false when it must stop.
     */
    public boolean continueAfterSyscall() {
        if (handler == null) {
            return false;
        }
        try {
            cpu.saveInto(running);
            if (!cpu.mayContinueAfter(running)) {
                return false;
            }
            retired.add(cpu.counting().completed(Integer.toUnsignedLong(running.instructionPointer()), false));
            if (!handler.handleSyscall(running, next)) {
                endedByHandler = true;
                return false;
            }
            C following = cpu.context(next.context());
            S space = cpu.space(next.space());
            long followingBudget = validBudget(next.budget());
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
