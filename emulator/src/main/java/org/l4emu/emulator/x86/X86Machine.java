package org.l4emu.emulator.x86;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.EmulatorUnavailableException;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.debug.EngineDebugHooks;
import org.l4emu.emulator.engine.Accelerator;
import org.l4emu.emulator.engine.Accelerators;
import org.l4emu.emulator.engine.ContinuedRun;
import org.l4emu.emulator.engine.OneEngineMachine;
import org.l4emu.emulator.engine.RetiredInstructions;
import org.l4emu.emulator.engine.SyscallContinuation;
import org.l4emu.emulator.host.ReadableMemory;
import org.l4emu.emulator.physical.AnonymousMapping;
import org.l4emu.emulator.physical.NativePhysicalMemory;
import org.l4emu.emulator.spacetlb.BlockTags;
import org.l4emu.emulator.spacetlb.SpaceTlbs;
import org.l4emu.emulator.unicorn.UcProt;
import org.l4emu.emulator.unicorn.X86Register;

/**
 * An IA-32 machine on one Unicorn engine, for engines whose page walk translates (Unicorn 2.1
 * and later, see {@link PagingProbe}): user code runs in ring 3 with PAE paging through page
 * tables written by {@link X86AddressSpace}, system calls are handled inside the trap hook
 * ({@link SyscallContinuation}), and traps come back as {@link Trap}s, as on arm.
 *
 * <p>Where EIP is after each trap: {@code int $0x80} after it; page faults and fault-class
 * exceptions at the faulting instruction (fetch faults at the start of its translated block);
 * {@code int3} and refused {@code int n} at the instruction; budget exhausted at the first
 * instruction not executed. {@link #instructionsRetired()} counts exactly the instructions that
 * completed (see {@link X86StopDecoder}). Guests see exactly what they see on
 * {@link PooledMachine}, the design for older engines.
 */
public final class X86Machine extends OneEngineMachine {
    /** The calibration's scratch MiB: just below the machine's own pages, above RAM unless RAM reaches it. */
    private static final long SCRATCH_SIZE = 1L << 20;
    private static final long SCRATCH_BASE = (KernelLayout.KERNEL_REGION - SCRATCH_SIZE) & -SCRATCH_SIZE;
    private final NativePhysicalMemory memory;
    private final ExecutableFrames executable = new ExecutableFrames();
    private final X86Cpu cpu;
    private final ContinuedRun<X86CpuContext, X86AddressSpace> runs;

    /**
     * A machine with {@code memorySize} bytes of physical RAM at physical address 0.
     *
     * @throws EmulatorUnavailableException when libunicorn2 is missing, its internals are not
     *         the ones l4emu knows, or its page walk does not translate (use {@link X86Machines})
     */
    public X86Machine(long memorySize) {
        X86Machines.checkMemorySize(memorySize);
        PagingProbe.Result paging = PagingProbe.result();
        if (!paging.translates()) {
            throw new EmulatorUnavailableException("this Unicorn's IA-32 page walk does not translate: "
                    + "x86 needs one engine per address space here");
        }
        // Reserved, not committed: the scratch MiB above RAM is touched only by the calibration.
        super(AnonymousMapping.reserve(Math.max(memorySize, SCRATCH_BASE + SCRATCH_SIZE)));
        host().adviseHugePages(0, memorySize);
        // Frame 0 is never handed out, so that 0 can never be mistaken for a frame.
        memory = new NativePhysicalMemory(host().segment(), 0, memorySize, PhysicalMemory.PAGE_SIZE, this::scrub);
        try {
            cpu = new X86Cpu(memory, host().segment(), paging.cr3WriteFlushes());
        } catch (RuntimeException | Error e) {
            host().close();
            throw e;
        }
        try {
            useSpaceTlbs(memorySize, useLiveRegisters());
        } catch (RuntimeException | Error e) {
            cpu.close();
            host().close();
            throw e;
        }
        EngineDebugHooks debugHooks = new EngineDebugHooks(cpu.unicorn(), EngineDebugHooks.of(cpu::loadedContext,
                cpu::runningSpace, () -> cpu.unicorn().readRegister(X86Register.EIP)), cpu.counting(),
                paging.hookAddresses(), memorySize);
        runs = new ContinuedRun<>(this, cpu, new Stops(cpu, new X86StopDecoder(memory)), new RetiredInstructions(),
                debugHooks);
        cpu.takeSyscallsWith(runs.syscalls());
    }

    /**
     * Reads and writes the general registers and EIP in QEMU's CPU state where the setting allows
     * it and they are found and agree with Unicorn's calls ({@link X86LiveRegisters}); returns the
     * state found, or null.
     */
    private X86CpuState useLiveRegisters() {
        X86CpuState[] found = {null};
        Accelerators.attempt(X86Counting.MACHINE, Accelerator.LIVE_REGISTERS, null, () -> {
            try {
                ReadableMemory memory = ReadableMemory.ofThisProcess();
                X86CpuState state = X86CpuState.locate(cpu.unicorn(), memory);
                cpu.useLiveRegisters(X86LiveRegisters.locate(cpu.unicorn(), state, memory));
                found[0] = state;
            } finally {
                // The searches wrote registers: the CPU goes back to its state after set-up.
                cpu.forgetException();
            }
            return Accelerators.State.ACTIVE;
        });
        return found[0];
    }

    /**
     * Gives every address space a TLB of its own where the setting allows it and the calibration,
     * run in a scratch MiB above RAM, finds and checks QEMU's structures ({@link X86SpaceTlbCalibration}),
     * and tags each space's translated code where that is found and checked too ({@link BlockTags}).
     * The scratch MiB's host pages are given back after it.
     */
    private void useSpaceTlbs(long memorySize, X86CpuState known) {
        X86SpaceTlbCalibration.Found[] found = {null};
        long[] blockTagField = {0};
        Accelerators.attempt(X86Counting.MACHINE, Accelerator.SPACE_TLBS, null, () -> {
            if (memorySize > SCRATCH_BASE) {
                return Accelerators.State.NO_ROOM;
            }
            // Mapped for good: Unicorn 2.1's uc_mem_unmap leaves the CPU so that the next #PF
            // becomes a #DF. No guest frame lies there, so no guest reaches it.
            cpu.unicorn().mapMemory(SCRATCH_BASE, SCRATCH_SIZE, UcProt.ALL, host().segment().asSlice(SCRATCH_BASE, SCRATCH_SIZE));
            try {
                NativePhysicalMemory scratch = new NativePhysicalMemory(host().segment(), SCRATCH_BASE, SCRATCH_SIZE,
                        SCRATCH_BASE, this::zero);
                X86SpaceTlbCalibration calibration = new X86SpaceTlbCalibration(cpu, scratch, host().segment());
                found[0] = calibration.find(known);
                // Here, while the scratch MiB is there: it needs the spaces' TLBs.
                Accelerators.attempt(X86Counting.MACHINE, Accelerator.BLOCK_TAGS, null, () -> {
                    blockTagField[0] = calibration.findBlockTags(found[0]);
                    return Accelerators.State.ACTIVE;
                });
            } finally {
                host().discard(SCRATCH_BASE, SCRATCH_SIZE);
            }
            return Accelerators.State.ACTIVE;
        });
        if (found[0] == null) {
            Accelerators.attempt(X86Counting.MACHINE, Accelerator.BLOCK_TAGS, Accelerator.SPACE_TLBS, () -> null);
            return;
        }
        cpu.useSpaceTlbs(new SpaceTlbs(found[0].layout(), executable::codeGeneration, blockTagField[0]),
                found[0].state());
    }

    /** Zeroes freed frames, and drops code translated from them: they may come back holding new code. */
    private void scrub(long address, long length) {
        zero(address, length);
        if (executable.takeAny(address, length)) {
            cpu.discardTranslations(address, length);
        }
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
        return cpu.countingFound().toString();
    }

    /**
     * A new, empty address space (a page-directory-pointer table and three directories). Throws
     * {@link IllegalStateException} caused by {@link OutOfPhysicalMemoryException} when no four
     * frames are left.
     */
    @Override
    public AddressSpace createAddressSpace() {
        checkOpen();
        try {
            return new X86AddressSpace(memory, host().segment(), executable);
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("no physical memory left for page tables", e);
        }
    }

    @Override
    public CpuContext createContext(int entry, int stackPointer) {
        return new X86CpuContext(entry, stackPointer);
    }

    @Override
    protected ContinuedRun<?, ?> runs() {
        return runs;
    }

    @Override
    protected void discardTranslatedCode() {
        cpu.discardTranslations(0, memory.size());
    }

    @Override
    protected void closeEngines() {
        cpu.close();
    }

    /** Why a run stopped: the CPU saves the registers and settles a fault, the decoder names the trap. */
    private record Stops(X86Cpu cpu, X86StopDecoder decoder) implements ContinuedRun.Stops<X86CpuContext> {
        @Override
        public Trap decode(int code, X86CpuContext thread, long budget) {
            AddressSpace space = cpu.runningSpace();
            cpu.saveInto(thread);
            long pc = Integer.toUnsignedLong(thread.instructionPointer());
            long started = cpu.counting().completed(pc, false);
            long atPause = cpu.counting().completedAtPause(pc, budget);
            boolean virtual8086 = X86StopDecoder.inVirtual8086(thread);
            if (!virtual8086) {
                // A re-run would load the thread's real-mode selectors; the decoder ends the mode instead.
                cpu.settleFault(thread);
            }
            Trap trap = decoder.decode(space, cpu.stop(), code, thread, started, atPause, budget);
            // A refused access stops the run inside whatever QEMU was doing: a far call's helper, say,
            // whose jump then raises a #PF the stop keeps from the hook, but which QEMU remembers
            // (the next #PF, of any space, would become a double fault). So it is forgotten too.
            if (decoder.exceptionTaken() || trap instanceof Trap.PageFault) {
                cpu.forgetException();
            }
            return trap;
        }

        @Override
        public long completed() {
            return decoder.completed();
        }

        @Override
        public int codeAddress(X86CpuContext thread) {
            return thread.instructionPointer();
        }
    }
}
