package org.l4emu.emulator.engine;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.TrapHandler;
import org.l4emu.emulator.debug.DebugProbe;
import org.l4emu.emulator.debug.DebugStop;
import org.l4emu.emulator.debug.EngineDebugHooks;

/**
 * {@link Machine#run(CpuContext, AddressSpace, long, TrapHandler)} for every machine that keeps
 * all address spaces in one engine: loads the thread, emulates with system calls continued
 * inside the hook ({@link SyscallContinuation}) until a trap the caller must see, for whichever
 * thread the CPU runs by then, and retires exactly the instructions that completed, a stop its
 * debug hooks asked for included. Where the counter cannot give a budget inside a hook (Unicorn's
 * public API alone), every system call leaves the emulator instead.
 *
 * @param <C> the machine's register set
 * @param <S> the machine's address space
 */
public final class ContinuedRun<C extends CpuContext, S extends AddressSpace> {
    /** Works out why one uc_emu_start returned; the machine's stop decoding. */
    public interface Stops<C> {
        /**
         * Why the run that returned {@code code} stopped for {@code thread}, whose budget was
         * {@code budget}, with its registers saved; or null when it paused without a trap.
         */
        Trap decode(int code, C thread, long budget);

        /** Instructions completed in the run last decoded. */
        long completed();

        /** Where {@code thread} stands now, without mode bits (what debug hooks compare with). */
        int codeAddress(C thread);
    }

    private final Machine machine;
    private final SyscallContinuation.Cpu<C, S> cpu;
    private final Stops<C> stops;
    private final RetiredInstructions retired;
    private final EngineDebugHooks debugHooks;
    private final SyscallContinuation<C, S> syscalls;

    /** @param machine the machine this runs for: its plain runs serve when system calls must leave the emulator */
    public ContinuedRun(Machine machine, SyscallContinuation.Cpu<C, S> cpu, Stops<C> stops, RetiredInstructions retired,
            EngineDebugHooks debugHooks) {
        this.machine = machine;
        this.cpu = cpu;
        this.stops = stops;
        this.retired = retired;
        this.debugHooks = debugHooks;
        this.syscalls = new SyscallContinuation<>(cpu, retired);
    }

    /** Hooks a debugger's probe ({@link Machine#attachDebugProbe}); the machine drops its translations after. */
    public void attach(DebugProbe probe) {
        debugHooks.attach(probe);
    }

    /** Instructions retired by every run so far. */
    public long instructionsRetired() {
        return retired.count();
    }

    /** What the CPU's interrupt hook hands system calls to. */
    public SyscallContinuation<C, S> syscalls() {
        return syscalls;
    }

    /**
     * Runs {@code context} in {@code space}; a {@code null} handler makes every system call end
     * the run as {@link Trap.Syscall}.
     */
    public Trap run(CpuContext context, AddressSpace space, long maxInstructions, TrapHandler handler) {
        C thread = cpu.context(context);
        S threadSpace = cpu.space(space);
        long budget = SyscallContinuation.validBudget(maxInstructions);
        if (handler != null && !cpu.continuesInHook()) {
            return Machine.runLeavingAtSyscalls(machine, thread, threadSpace, budget, handler);
        }
        cpu.prepare(thread, threadSpace);
        syscalls.begin(handler, thread, budget);
        try {
            return runUntilTrap();
        } finally {
            syscalls.end();
        }
    }

    private Trap runUntilTrap() {
        while (true) {
            int code = cpu.emulate(syscalls.running(), syscalls.budget());
            syscalls.rethrowFailure();
            if (syscalls.endedByHandler()) {
                // The hook saved the registers and retired the instructions before the handler ran.
                return Trap.HANDLED;
            }
            C running = syscalls.running();
            long budget = syscalls.budget();
            Trap trap = stops.decode(code, running, budget);
            DebugStop debugStop = debugHooks.takeStop(stops.codeAddress(running));
            long completed = trap == null ? debugHooks.completed(debugStop, stops.completed()) : stops.completed();
            retired.add(completed);
            if (trap != null) {
                return trap;
            }
            long remaining = budget - completed;
            if (remaining <= 0 || debugStop != DebugStop.NONE) {
                return Trap.BUDGET_EXHAUSTED;
            }
            syscalls.resumeWith(remaining);
        }
    }
}
