package org.l4emu.emulator.x86;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.debug.DebugProbe;
import org.l4emu.emulator.debug.DebugStop;
import org.l4emu.emulator.debug.EngineDebugHooks;
import org.l4emu.emulator.debug.PooledDebugHooks;
import org.l4emu.emulator.engine.Accelerator;
import org.l4emu.emulator.engine.Accelerators;
import org.l4emu.emulator.engine.EngineMachine;
import org.l4emu.emulator.engine.SyscallContinuation;
import org.l4emu.emulator.physical.AnonymousMapping;
import org.l4emu.emulator.physical.NativePhysicalMemory;
import org.l4emu.emulator.unicorn.X86Register;

/**
 * The IA-32 machine for engines whose page walk does not translate (Unicorn 2.0.1 uses the
 * virtual address as the physical one): one physical memory shared by one Unicorn engine per
 * address space ({@link PooledCpu}, lent by the {@link EnginePool}), as one engine with page
 * tables could not give two tasks different memory at one virtual address; one engine per
 * space can, each mapping its pages onto the frames' host memory. The costs (an engine per
 * running space to create and keep, see docs/x86.md) buy spaces that stay warm: switching
 * spaces switches engines, with no TLB or code cache to flush. {@link X86Machines} chooses it
 * when {@link PagingProbe} finds paging does not translate; guests see no difference.
 *
 * <p>Where EIP is after each trap: {@code int $0x80} after it; page faults and fault-class
 * exceptions at the faulting instruction (fetch faults at the start of its translated block);
 * {@code int3} and refused {@code int n} at the instruction; budget exhausted at the first
 * instruction not executed. {@link #instructionsRetired()} counts exactly the instructions that
 * completed (see {@link X86StopDecoder}).
 */
public final class PooledMachine extends EngineMachine {
    private final NativePhysicalMemory memory;
    private final EnginePool engines;
    private final X86StopDecoder stops;
    private final PooledDebugHooks debugHooks = new PooledDebugHooks(
            EngineDebugHooks.of(() -> this.runningContext, () -> this.runningSpace,
                    () -> this.runningCpu.unicorn().readRegister(X86Register.EIP)));
    /** The thread and space of the run in progress, for the debug hooks. */
    private X86CpuContext runningContext;
    private PooledAddressSpace runningSpace;
    private PooledCpu runningCpu;
    private long instructionsRetired;

    /**
     * A machine with {@code memorySize} bytes of physical RAM at physical address 0.
     *
     * @throws org.l4emu.emulator.EmulatorUnavailableException when libunicorn2 is missing or
     *         its internals are not the ones l4emu knows
     */
    public PooledMachine(long memorySize) {
        X86Machines.checkMemorySize(memorySize);
        super(AnonymousMapping.reserve(memorySize));
        host().adviseHugePages(0, memorySize);
        try {
            engines = new EnginePool();
        } catch (RuntimeException | Error e) {
            host().close();
            throw e;
        }
        // Frame 0 is never handed out, so that 0 can never be mistaken for a frame. Freed frames
        // need only zeroing: their mappings, and the code translated from them, went first.
        memory = new NativePhysicalMemory(host().segment(), 0, memorySize, PhysicalMemory.PAGE_SIZE, this::zero);
        stops = new X86StopDecoder(memory);
        // Every space has an engine, and so a TLB, of its own here.
        Accelerators.attempt(X86Counting.MACHINE, Accelerator.SPACE_TLBS, null, () -> Accelerators.State.NOT_NEEDED);
        Accelerators.attempt(X86Counting.MACHINE, Accelerator.BLOCK_TAGS, null, () -> Accelerators.State.NOT_NEEDED);
    }

    @Override
    public Architecture architecture() {
        return Architecture.X86;
    }

    @Override
    public PhysicalMemory memory() {
        return memory;
    }

    /** The offsets found in Unicorn's private structures at start-up ("none" without accelerators), for diagnostics. */
    public String engineInternals() {
        return engines.counting().toString();
    }

    /** Engines open now (for the benchmark's cost figures). */
    public int openEngines() {
        return engines.engines();
    }

    /**
     * A new, empty address space; it gets an engine when a thread first runs in it. Throws
     * {@link IllegalStateException} caused by {@link OutOfPhysicalMemoryException} when no frame
     * is left for its page directories.
     */
    @Override
    public AddressSpace createAddressSpace() {
        checkOpen();
        long directories;
        try {
            directories = memory.allocateFrames(PooledAddressSpace.DIRECTORY_FRAMES, PhysicalMemory.PAGE_SIZE);
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("no physical memory left for page directories", e);
        }
        return new PooledAddressSpace(engines, memory, directories);
    }

    @Override
    public CpuContext createContext(int entry, int stackPointer) {
        return new X86CpuContext(entry, stackPointer);
    }

    @Override
    public Trap run(CpuContext context, AddressSpace space, long maxInstructions) {
        checkOpen();
        if (!(context instanceof X86CpuContext thread)) {
            throw new IllegalArgumentException("not an x86 context: " + context);
        }
        if (!(space instanceof PooledAddressSpace x86Space) || x86Space.isDestroyed() || !x86Space.belongsTo(engines)) {
            throw new IllegalArgumentException("not a live address space of this x86 machine: " + space);
        }
        long remaining = SyscallContinuation.validBudget(maxInstructions);
        PooledCpu cpu = x86Space.cpuToRun();
        EngineDebugHooks hooks = debugHooks.prepare(cpu.unicorn(), cpu.counting(), x86Space.translationDiscarder());
        runningContext = thread;
        runningSpace = x86Space;
        runningCpu = cpu;
        cpu.prepare(thread);
        while (true) {
            int code = cpu.emulate(thread.instructionPointer(), remaining);
            cpu.saveInto(thread);
            long pc = Integer.toUnsignedLong(thread.instructionPointer());
            Trap trap = stops.decode(x86Space, cpu.stop(), code, thread, cpu.counting().completed(pc, false),
                    cpu.counting().completedAtPause(pc, remaining), remaining);
            if (stops.exceptionTaken()) {
                cpu.forgetException();
            }
            DebugStop debugStop = hooks == null ? DebugStop.NONE : hooks.takeStop(thread.instructionPointer());
            long completed = trap == null && hooks != null ? hooks.completed(debugStop, stops.completed())
                    : stops.completed();
            instructionsRetired += completed;
            remaining -= completed;
            if (trap != null) {
                return trap;
            }
            if (remaining <= 0 || debugStop != DebugStop.NONE) {
                return Trap.BUDGET_EXHAUSTED;
            }
        }
    }

    @Override
    public void attachDebugProbe(DebugProbe probe) {
        checkOpen();
        debugHooks.attach(probe);
    }

    @Override
    public long instructionsRetired() {
        return instructionsRetired;
    }

    /** Drops the code translated from every executable page of every space. */
    @Override
    public void flushCodeCache() {
        checkOpen();
        for (PooledAddressSpace space : engines.holders()) {
            space.discardTranslations();
        }
    }

    @Override
    protected void closeEngines() {
        engines.close();
    }
}
