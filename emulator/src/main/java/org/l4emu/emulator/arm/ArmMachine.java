package org.l4emu.emulator.arm;

import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.debug.EngineDebugHooks;
import org.l4emu.emulator.engine.ContinuedRun;
import org.l4emu.emulator.engine.OneEngineMachine;
import org.l4emu.emulator.engine.RetiredInstructions;
import org.l4emu.emulator.physical.AnonymousMapping;
import org.l4emu.emulator.physical.NativePhysicalMemory;
import org.l4emu.emulator.spacetlb.SpaceTlbs;
import org.l4emu.emulator.unicorn.ArmRegister;

/**
 * An ARMv7-A machine (Cortex-A15) on one Unicorn engine: user-mode code runs with the MMU on
 * through page tables written by {@link ArmAddressSpace}, and traps come back as {@link Trap}s.
 *
 * <p>Where the PC is after each trap, so that resuming does the right thing in ARM and Thumb
 * state (Unicorn hands exceptions to a hook instead of entering an exception mode, so the CPU
 * stays in USR mode with CPSR unchanged):
 * <ul>
 * <li>svc (any immediate): after the svc, +4 in ARM and +2 in Thumb state; QEMU moves the PC
 *     past it before raising the exception.
 * <li>data abort: at the faulting instruction; QEMU restores the state from before it,
 *     including the Thumb If-Then bits, so resuming retries it.
 * <li>prefetch abort: at the instruction that could not be fetched. The fault address is the
 *     one that failed: for a 32-bit Thumb instruction straddling into an unmapped page, the
 *     next page, not the PC.
 * <li>undefined instruction and bkpt: at the instruction.
 * <li>budget exhausted: at the first instruction not executed.
 * </ul>
 * {@link #instructionsRetired()} counts exactly the instructions that completed (see
 * {@link StopDecoder}), so a run of n instructions always executes the same n and the same
 * image gives the same trace.
 */
public final class ArmMachine extends OneEngineMachine {
    /** Physical RAM when none is asked for: reserved, not committed, until the guest touches it. */
    public static final long DEFAULT_MEMORY_SIZE = 512L << 20;
    /** Unicorn maps the whole 32-bit physical space: 2.0.1 checks virtual addresses against it. */
    private static final long PHYSICAL_ADDRESS_SPACE = 1L << 32;
    /**
     * A MiB near the top of physical space, above any RAM, holds the calibration's scratch
     * tables and code. Not the very top: Unicorn's range arithmetic for dropping translations
     * wraps at 4 GiB.
     */
    private static final long SCRATCH_BASE = PHYSICAL_ADDRESS_SPACE - (2L << 20);
    private static final long SCRATCH_SIZE = 1L << 20;
    /** Below the scratch MiB: the page tables for running a faulting instruction again ({@link ProbeSpace}). */
    private static final long PROBE_BASE = SCRATCH_BASE - ProbeSpace.SIZE;

    private final ArmCpu cpu;
    /** What the calibration found in the engine's private structures; null: nothing (no accelerators). */
    private final EngineInternals internals;
    private final NativePhysicalMemory memory;
    private final CodeFrames codeFrames = new CodeFrames();
    private final ContinuedRun<ArmCpuContext, ArmAddressSpace> runs;

    public ArmMachine() {
        this(DEFAULT_MEMORY_SIZE);
    }

    /**
     * A machine with {@code memorySize} bytes of physical RAM at physical address 0.
     *
     * @throws org.l4emu.emulator.EmulatorUnavailableException when libunicorn2 is missing (its
     *         internals are needed only for the accelerators, each checked and dropped on its own)
     */
    public ArmMachine(long memorySize) {
        if (memorySize < 2 * PhysicalMemory.PAGE_SIZE || memorySize % PhysicalMemory.PAGE_SIZE != 0
                || memorySize > PROBE_BASE) {
            throw new IllegalArgumentException("memory size " + memorySize + " is not a multiple of 4 KiB in 8 KiB.."
                    + PROBE_BASE);
        }
        super(AnonymousMapping.reserve(PHYSICAL_ADDRESS_SPACE));
        try {
            NativePhysicalMemory probeMemory = new NativePhysicalMemory(host().segment(), PROBE_BASE, ProbeSpace.SIZE,
                    PROBE_BASE, this::zero);
            cpu = new ArmCpu(host().segment(), codeFrames, new ProbeSpace(probeMemory, host().segment(), PROBE_BASE));
        } catch (RuntimeException | Error e) {
            host().close();
            throw e;
        }
        try {
            EngineCalibration calibration = calibrate(memorySize);
            internals = calibration.internals();
            EngineDebugHooks debugHooks = new EngineDebugHooks(cpu.unicorn(), EngineDebugHooks.of(cpu::loadedContext,
                    cpu::loadedSpace, () -> cpu.unicorn().readRegister(ArmRegister.PC)), cpu.counting(),
                    calibration.hookAddresses(), memorySize);
            runs = new ContinuedRun<>(this, cpu, new StopDecoder(cpu), new RetiredInstructions(), debugHooks);
            cpu.takeSyscallsWith(runs.syscalls());
            // Frame 0 is never handed out, so that 0 can never be mistaken for a frame.
            memory = new NativePhysicalMemory(host().segment(), 0, memorySize, PhysicalMemory.PAGE_SIZE, this::scrub);
            host().adviseHugePages(0, memorySize);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Replaces the CPU's public paths with the accelerators that pass their checks; returns what it found. */
    private EngineCalibration calibrate(long memorySize) {
        NativePhysicalMemory scratch = new NativePhysicalMemory(host().segment(), SCRATCH_BASE, SCRATCH_SIZE,
                SCRATCH_BASE, this::zero);
        EngineCalibration calibration = new EngineCalibration(cpu, scratch, cpu.publicAborts());
        calibration.calibrate();
        if (calibration.fastStoreTlbs() != null) {
            cpu.useFastStores(new FastStores(calibration.fastStoreTlbs(), host().segment().address(), memorySize, codeFrames));
        }
        if (calibration.spaceTlbs() != null) {
            cpu.useSpaceTlbs(new SpaceTlbs(calibration.spaceTlbs(), codeFrames::codeGeneration,
                    calibration.blockTagField()));
        }
        host().discard(SCRATCH_BASE, SCRATCH_SIZE);
        if (calibration.record() != null) {
            calibration.record().poison();
        }
        return calibration;
    }

    /**
     * Zeroes freed frames, and drops code translated from them: they may come back holding new
     * code. Frames never mapped executable (page tables, UTCBs, data) have none to drop.
     */
    private void scrub(long address, long length) {
        zero(address, length);
        if (codeFrames.mayHoldCode(address, length)) {
            cpu.discardTranslations(address, length);
        }
    }

    @Override
    public Architecture architecture() {
        return Architecture.ARM;
    }

    @Override
    public PhysicalMemory memory() {
        return memory;
    }

    /** The offsets found in Unicorn's private structures at start-up ("none" without accelerators), for diagnostics. */
    public String engineInternals() {
        return internals == null ? "none" : internals.toString();
    }

    /**
     * A new, empty address space (a 16 KiB L1 table). Throws {@link IllegalStateException}
     * caused by {@link OutOfPhysicalMemoryException} when no aligned 16 KiB is left.
     */
    @Override
    public AddressSpace createAddressSpace() {
        checkOpen();
        try {
            return new ArmAddressSpace(memory, codeFrames);
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("no physical memory left for a page table", e);
        }
    }

    @Override
    public CpuContext createContext(int entry, int stackPointer) {
        return new ArmCpuContext(entry, stackPointer);
    }

    @Override
    protected ContinuedRun<?, ?> runs() {
        return runs;
    }

    static ArmCpuContext armContext(CpuContext context) {
        if (!(context instanceof ArmCpuContext thread)) {
            throw new IllegalArgumentException("not an arm context: " + context);
        }
        return thread;
    }

    /** {@code space} if it is a live space of the machine whose code frames are {@code machineCodeFrames}. */
    static ArmAddressSpace liveArmSpace(AddressSpace space, CodeFrames machineCodeFrames) {
        if (!(space instanceof ArmAddressSpace armSpace) || armSpace.isDestroyed()
                || !armSpace.belongsTo(machineCodeFrames)) {
            throw new IllegalArgumentException("not a live address space of this arm machine: " + space);
        }
        return armSpace;
    }

    /**
     * Drops code translated from any RAM page. Not Unicorn's TB_FLUSH: in 2.0.1 that touches the
     * whole 1 GiB translation buffer, committing it (about 1 GiB of RSS) and taking 15-2000 ms.
     */
    @Override
    protected void discardTranslatedCode() {
        cpu.discardTranslations(0, memory.size());
    }

    @Override
    protected void closeEngines() {
        cpu.close();
    }
}
