package org.l4emu.emulator.arm;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.unicorn.UcError;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.UnicornException;

/**
 * An ARMv7-A machine (Cortex-A15) on one Unicorn engine: user-mode code runs with the MMU on
 * through page tables written by {@link ArmAddressSpace}, and traps come back as {@link Trap}s.
 *
 * <p>Where the PC is after each trap, so that resuming does the right thing in ARM and Thumb
 * state (Unicorn hands the exception to the hook instead of entering an exception mode, so the
 * CPU stays in USR mode with CPSR unchanged):
 * <ul>
 * <li>svc: after the svc (+4 ARM, +2 Thumb); QEMU sets PC past it before raising the exception.
 * <li>data abort: at the faulting instruction; QEMU restores the state of the instruction that
 *     faulted (including the Thumb IT bits).
 * <li>prefetch abort: at the instruction that could not be fetched; the fault address is the
 *     one that failed, which for a 32-bit Thumb instruction straddling into an unmapped page is
 *     the next page, not the PC.
 * <li>undefined instruction and bkpt: at the instruction.
 * <li>budget exhausted: at the first instruction not executed.
 * </ul>
 *
 * <p>Instruction counting. {@code uc_emu_start(count = n)} makes Unicorn call a counting hook
 * before each instruction; the hook increments {@code emu_counter} and stops the CPU, before
 * the instruction, once the counter exceeds n. Read after the run, the counter is therefore
 * the number of instructions started: a svc counts (it completes by raising the exception); an
 * instruction that aborts, is undefined or is a bkpt had its hook run but did not complete and
 * is not counted, since resuming re-executes it; a prefetch abort happens while fetching, before
 * the hook, so nothing is subtracted; when the budget runs out, exactly n instructions ran and
 * the counter is n + 1. So {@link #instructionsRetired()} counts exactly the instructions that
 * completed, and a run of n instructions always executes the same n.
 */
public final class ArmMachine implements Machine {
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
    private static final int MAX_ASID = 255;

    private final AnonymousMapping host;
    private final ArmCpu cpu;
    private final NativePhysicalMemory memory;
    private final EngineInternals internals;
    private long instructionsRetired;
    /** Instructions completed by the last slice, set by {@link #classify}. */
    private long sliceExecuted;
    private int lastAsid;
    private boolean closed;

    public ArmMachine() {
        this(DEFAULT_MEMORY_SIZE);
    }

    /** A machine with {@code memorySize} bytes of physical RAM at physical address 0. */
    public ArmMachine(long memorySize) {
        if (memorySize < 2 * PhysicalMemory.PAGE_SIZE || memorySize % PhysicalMemory.PAGE_SIZE != 0
                || memorySize > SCRATCH_BASE) {
            throw new IllegalArgumentException("memory size " + memorySize + " is not a multiple of 4 KiB in 8 KiB.."
                    + SCRATCH_BASE);
        }
        host = AnonymousMapping.reserve(PHYSICAL_ADDRESS_SPACE);
        ArmCpu createdCpu = null;
        try {
            createdCpu = new ArmCpu(host.segment());
            ArmCpu calibrated = createdCpu;
            NativePhysicalMemory scratch = new NativePhysicalMemory(host.segment(), SCRATCH_BASE, SCRATCH_SIZE, SCRATCH_BASE,
                    (address, length) -> host.segment().asSlice(address, length).fill((byte) 0));
            internals = new EngineCalibration(calibrated, scratch).calibrate();
            host.discard(SCRATCH_BASE, SCRATCH_SIZE);
            calibrated.poisonSyndrome();
            memory = new NativePhysicalMemory(host.segment(), 0, memorySize, PhysicalMemory.PAGE_SIZE,
                    (address, length) -> {
                        host.segment().asSlice(address, length).fill((byte) 0);
                        calibrated.discardTranslations(address, length);
                    });
            cpu = calibrated;
        } catch (RuntimeException | Error e) {
            if (createdCpu != null) {
                createdCpu.close();
            }
            host.close();
            throw e;
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

    /** The offsets found in Unicorn's private structures at start-up. */
    public String engineInternals() {
        return internals.toString();
    }

    /**
     * A new, empty address space (a 16 KiB L1 table). Throws {@link IllegalStateException}
     * caused by {@link OutOfPhysicalMemoryException} when no aligned 16 KiB is left.
     */
    @Override
    public AddressSpace createAddressSpace() {
        checkOpen();
        lastAsid = lastAsid % MAX_ASID + 1;
        try {
            return new ArmAddressSpace(memory, lastAsid);
        } catch (OutOfPhysicalMemoryException e) {
            throw new IllegalStateException("no physical memory left for a page table", e);
        }
    }

    @Override
    public CpuContext createContext(int entry, int stackPointer) {
        return new ArmCpuContext(entry, stackPointer);
    }

    @Override
    public Trap run(CpuContext context, AddressSpace space, long maxInstructions) {
        checkOpen();
        if (!(context instanceof ArmCpuContext thread)) {
            throw new IllegalArgumentException("not an arm context: " + context);
        }
        if (!(space instanceof ArmAddressSpace armSpace) || armSpace.isDestroyed()) {
            throw new IllegalArgumentException("not a live arm address space: " + space);
        }
        if (maxInstructions < 1) {
            throw new IllegalArgumentException("maxInstructions " + maxInstructions + " < 1");
        }
        cpu.prepare(thread, armSpace);
        long remaining = maxInstructions;
        while (true) {
            Trap trap = classify(cpu.emulate(thread.resumeAddress(), remaining), thread, remaining);
            instructionsRetired += sliceExecuted;
            remaining -= sliceExecuted;
            if (trap != null) {
                return trap;
            }
            if (remaining == 0) {
                return Trap.BUDGET_EXHAUSTED;
            }
        }
    }

    /**
     * Turns how uc_emu_start ended into a trap, or {@code null} when a hint instruction (WFI,
     * WFE, YIELD) stopped the CPU after completing and the run should go on.
     */
    private Trap classify(int code, ArmCpuContext thread, long budget) {
        int exception = cpu.pendingException();
        long started = cpu.startedInstructions();
        cpu.saveInto(thread);
        int pc = thread.instructionPointer();
        if (exception != ArmException.NONE) {
            if (code != UcError.OK.code()) {
                throw new UnicornException("uc_emu_start", code, Unicorn.describe(code));
            }
            sliceExecuted = exception == ArmException.SUPERVISOR_CALL || exception == ArmException.PREFETCH_ABORT
                    ? started : started - 1;
            return switch (exception) {
                case ArmException.SUPERVISOR_CALL -> Trap.SYSCALL;
                case ArmException.DATA_ABORT -> abort(cpu.faultStatus(), cpu.faultAddress(), pc,
                        FaultStatus.isWrite(cpu.faultStatus()) ? Access.WRITE : Access.READ);
                case ArmException.PREFETCH_ABORT -> abort(cpu.faultStatus(), cpu.faultAddress(), pc, Access.EXECUTE);
                case ArmException.BREAKPOINT -> new Trap.CpuException(Trap.Kind.BREAKPOINT, pc, pc);
                case ArmException.UNDEFINED_INSTRUCTION -> new Trap.CpuException(Trap.Kind.UNDEFINED_INSTRUCTION, pc, pc);
                default -> new Trap.CpuException(Trap.Kind.OTHER, pc, pc);
            };
        }
        if (code == UcError.INSN_INVALID.code()) {
            if (cpu.undefinedInstructionRaised()) {
                sliceExecuted = started - 1;
                return new Trap.CpuException(Trap.Kind.UNDEFINED_INSTRUCTION, pc, pc);
            }
            sliceExecuted = started;
            return null;
        }
        if (code == UcError.EXCEPTION.code()) {
            // An exception Unicorn does not hand to hooks (such as an illegal state change).
            sliceExecuted = started - 1;
            return new Trap.CpuException(Trap.Kind.OTHER, pc, pc);
        }
        if (code != UcError.OK.code()) {
            throw new UnicornException("uc_emu_start", code, Unicorn.describe(code));
        }
        if (started > budget) {
            sliceExecuted = budget;
            return Trap.BUDGET_EXHAUSTED;
        }
        if (started == 0) {
            throw new IllegalStateException("the CPU stopped at 0x" + Integer.toHexString(pc) + " without progress");
        }
        sliceExecuted = started;
        return null;
    }

    private static Trap abort(int status, int address, int pc, Access access) {
        if (FaultStatus.isPageFault(status)) {
            return new Trap.PageFault(address, access, pc);
        }
        Trap.Kind kind = FaultStatus.isAlignment(status) ? Trap.Kind.ALIGNMENT : Trap.Kind.OTHER;
        return new Trap.CpuException(kind, address, pc);
    }

    @Override
    public long instructionsRetired() {
        return instructionsRetired;
    }

    /**
     * Drops code translated from any RAM page. Not Unicorn's TB_FLUSH: in 2.0.1 that touches the
     * whole 1 GiB translation buffer, committing it (about 1 GiB of RSS) and taking 15-2000 ms.
     */
    @Override
    public void flushCodeCache() {
        checkOpen();
        cpu.discardTranslations(0, memory.size());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            cpu.close();
        } finally {
            host.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("machine closed");
        }
    }
}
