package org.l4emu.emulator.engine;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.TrapHandler;
import org.l4emu.emulator.debug.DebugProbe;
import org.l4emu.emulator.physical.AnonymousMapping;

/**
 * A machine that runs every address space on one engine, through one {@link ContinuedRun}:
 * system calls are handled inside the trap hook ({@link SyscallContinuation}), so that a call
 * and the switch to the next thread never leave the emulator loop.
 */
public abstract class OneEngineMachine extends EngineMachine {
    protected OneEngineMachine(AnonymousMapping host) {
        super(host);
    }

    /** The machine's runs, made with its CPU. */
    protected abstract ContinuedRun<?, ?> runs();

    /** Drops the code translated from any RAM page. */
    protected abstract void discardTranslatedCode();

    @Override
    public final Trap run(CpuContext context, AddressSpace space, long maxInstructions) {
        return run(context, space, maxInstructions, null);
    }

    /** A {@code null} handler makes every system call end the run as {@link Trap.Syscall}. */
    @Override
    public final Trap run(CpuContext context, AddressSpace space, long maxInstructions, TrapHandler handler) {
        checkOpen();
        return runs().run(context, space, maxInstructions, handler);
    }

    /** Hooks the probe's points on the one engine, and drops translations made without them. */
    @Override
    public final void attachDebugProbe(DebugProbe probe) {
        checkOpen();
        runs().attach(probe);
        flushCodeCache();
    }

    @Override
    public final long instructionsRetired() {
        return runs().instructionsRetired();
    }

    @Override
    public final void flushCodeCache() {
        checkOpen();
        discardTranslatedCode();
    }
}
