package org.l4emu.emulator.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.engine.InstructionCounting;
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
 * and would store again), so the machine's counter stops the CPU before the next instruction
 * ({@link InstructionCounting#stopBeforeNext()}), and the count is the one the counter had at
 * the access, the accessing instruction included.
 *
 * <p>Watched ranges are virtual. Where the engine's memory hooks see physical addresses
 * ({@link HookAddresses#PHYSICAL}), the read and write hooks cover all of RAM and each
 * access is matched against the running space's translation of the watched pages: an access
 * through another space, or through another virtual page of the same frame, is not a hit.
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
    private final InstructionCounting counting;
    private final HookAddresses addresses;
    private final long physicalEnd;
    private final List<Long> handles = new ArrayList<>();
    private final CodeHook codeHook = this::onInstruction;
    private final MemoryHook memoryHook = this::onAccess;
    private DebugProbe probe;
    private List<DebugPoints.DataRange> watched = List.of();
    private DebugStop stop = DebugStop.NONE;
    private int stopAddress;
    /** The counter's count at the watched access that stopped the run (the accessing instruction included). */
    private long countAtAccess;

    /**
     * @param counting  the engine's instruction counter: it stops the CPU before the next
     *                  instruction from an access hook, and gives the count there
     * @param addresses what the engine's memory hooks report
     * @param ramSize   the bytes of RAM at physical 0: with {@link HookAddresses#PHYSICAL}, the
     *                  hooks cover it and nothing above (the machine's own pages, such as
     *                  x86's descriptor tables, which register writes read)
     */
    public EngineDebugHooks(Unicorn engine, Running running, InstructionCounting counting, HookAddresses addresses,
            long ramSize) {
        this.engine = engine;
        this.running = running;
        this.counting = counting;
        this.addresses = addresses;
        this.physicalEnd = ramSize - 1;
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
        watched = probe == null ? List.of() : probe.points().data();
        if (probe == null) {
            return;
        }
        for (int address : probe.points().code()) {
            long at = Integer.toUnsignedLong(address);
            handles.add(engine.addCodeHook(codeHook, at, at));
        }
        if (addresses == HookAddresses.PHYSICAL) {
            if (watched.stream().anyMatch(DebugPoints.DataRange::reads)) {
                handles.add(engine.addMemoryHook(memoryHook, UcHookType.MEM_READ, 0, physicalEnd));
            }
            if (watched.stream().anyMatch(DebugPoints.DataRange::writes)) {
                handles.add(engine.addMemoryHook(memoryHook, UcHookType.MEM_WRITE, 0, physicalEnd));
            }
            return;
        }
        for (DebugPoints.DataRange range : watched) {
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

    /**
     * Instructions completed in a run that paused with {@code taken}, given {@code decoded}, the
     * count the machine's stop decoder found for the pause.
     */
    public long completed(DebugStop taken, long decoded) {
        return taken == DebugStop.AFTER_INSTRUCTION ? countAtAccess : taken.completed(decoded);
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
        if (stop != DebugStop.NONE || probe == null) {
            return;
        }
        boolean write = UcMemType.isWrite(type);
        long virtual = addresses == HookAddresses.PHYSICAL ? watchedVirtual(running.space(), address, size, write)
                : address;
        if (virtual >= 0 && probe.stopAfter(running.context(), running.space(), running.instructionAddress(),
                (int) virtual, size, write, value)) {
            stop = DebugStop.AFTER_INSTRUCTION;
            countAtAccess = counting.started();
            counting.stopBeforeNext();
        }
    }

    /**
     * The virtual address in {@code space} through which an access of {@code size} bytes at
     * {@code physical} touched a watched range, or -1 when it touched none: each watched page
     * the space maps onto the accessed frame is a candidate.
     */
    private long watchedVirtual(AddressSpace space, long physical, int size, boolean write) {
        long frame = physical & -PhysicalMemory.PAGE_SIZE;
        long offset = physical & (PhysicalMemory.PAGE_SIZE - 1);
        for (DebugPoints.DataRange range : watched) {
            if (write ? !range.writes() : !range.reads()) {
                continue;
            }
            long first = Integer.toUnsignedLong(range.address()) & -PhysicalMemory.PAGE_SIZE;
            for (long page = first; page <= range.lastAddress(); page += PhysicalMemory.PAGE_SIZE) {
                if (space.translate((int) page) != frame) {
                    continue;
                }
                long virtual = page + offset;
                if (virtual <= range.lastAddress() && virtual + size > Integer.toUnsignedLong(range.address())) {
                    return virtual;
                }
            }
        }
        return -1;
    }
}
