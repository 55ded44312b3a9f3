package org.l4emu.emulator.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.unicorn.CodeHook;
import org.l4emu.emulator.unicorn.MemoryHook;
import org.l4emu.emulator.unicorn.UcHookType;
import org.l4emu.emulator.unicorn.UcMemType;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * A {@link DebugProbe}'s hooks on one Unicorn engine: a code hook on each breakpoint address and
 * read and write hooks on each watched range, present only while a probe is attached. A hook
 * asks the probe about the thread and space the engine runs at that moment ({@link Running}),
 * and stops the engine where the probe says. From a code hook with {@code uc_emu_stop}: Unicorn
 * checks for a stop right after the code hooks, so the instruction does not run (its count hook,
 * the first, has counted it), except inside a Thumb If-Then block, which runs to its end. From
 * an access hook never with {@code uc_emu_stop}: Unicorn checks for it right after the access,
 * cutting the instruction short (a post-indexed store stored but did not write its base back,
 * and would store again), so the machine's count limit is lowered instead and its count hook
 * stops the CPU before the next instruction.
 *
 * <p>Hooks apply to code translated after they were added: the machine drops its translations
 * after {@link #attach}.
 */
public final class EngineDebugHooks {
    /** The thread and address space an engine runs now, and its instruction address inside a hook. */
    public interface Running {
        CpuContext context();

        AddressSpace space();

        /** Inside an access hook: the accessing instruction's address (Unicorn syncs the PC before a hooked access). */
        int instructionAddress();
    }

    private final Unicorn engine;
    private final Running running;
    private final Runnable stopBeforeNextInstruction;
    private final List<Long> handles = new ArrayList<>();
    private final CodeHook codeHook = this::onInstruction;
    private final MemoryHook memoryHook = this::onAccess;
    private DebugProbe probe;
    private DebugStop stop = DebugStop.NONE;
    private int stopAddress;

    /**
     * @param stopBeforeNextInstruction inside a hook: makes the count hook stop the CPU before
     *        the next instruction (lowers the engine's count limit to the count so far)
     */
    public EngineDebugHooks(Unicorn engine, Running running, Runnable stopBeforeNextInstruction) {
        this.engine = engine;
        this.running = running;
        this.stopBeforeNextInstruction = stopBeforeNextInstruction;
    }

    /** A machine whose thread and space are kept in two fields it updates on each run. */
    public static Running of(Supplier<CpuContext> context, Supplier<AddressSpace> space, IntSupplier instruction) {
        return new Running() {
            @Override
            public int instructionAddress() {
                return instruction.getAsInt();
            }

            @Override
            public CpuContext context() {
                return context.get();
            }

            @Override
            public AddressSpace space() {
                return space.get();
            }
        };
    }

    /** Replaces the hooks with those of {@code probe}'s points; null removes them all. */
    public void attach(DebugProbe probe) {
        for (long handle : handles) {
            engine.deleteHook(handle);
        }
        handles.clear();
        this.probe = probe;
        stop = DebugStop.NONE;
        if (probe == null) {
            return;
        }
        DebugPoints points = probe.points();
        for (int address : points.code()) {
            long at = Integer.toUnsignedLong(address);
            handles.add(engine.addCodeHook(codeHook, at, at));
        }
        for (DebugPoints.DataRange range : points.data()) {
            long first = Integer.toUnsignedLong(range.address());
            if (range.reads()) {
                handles.add(engine.addMemoryHook(memoryHook, UcHookType.MEM_READ, first, range.lastAddress()));
            }
            if (range.writes()) {
                handles.add(engine.addMemoryHook(memoryHook, UcHookType.MEM_WRITE, first, range.lastAddress()));
            }
        }
    }

    public boolean attached() {
        return probe != null;
    }

    /**
     * The stop asked for during the emulator run that just returned, if any (taken once).
     * {@code codeAddress} is where the running thread stands now, without mode bits.
     */
    public DebugStop takeStop(int codeAddress) {
        DebugStop taken = stop;
        stop = DebugStop.NONE;
        if (taken == DebugStop.BEFORE_INSTRUCTION && codeAddress != stopAddress) {
            return DebugStop.AFTER_BLOCK;
        }
        return taken;
    }

    private void onInstruction(long address, int size) {
        if (stop == DebugStop.NONE && probe != null
                && probe.stopBefore(running.context(), running.space(), (int) address)) {
            stop = DebugStop.BEFORE_INSTRUCTION;
            stopAddress = (int) address;
            engine.stop();
        }
    }

    private void onAccess(int type, long address, int size, long value) {
        if (stop == DebugStop.NONE && probe != null && probe.stopAfter(running.context(), running.space(),
                running.instructionAddress(), (int) address, size, UcMemType.isWrite(type), value)) {
            stop = DebugStop.AFTER_INSTRUCTION;
            stopBeforeNextInstruction.run();
        }
    }
}
