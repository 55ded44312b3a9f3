package org.l4emu.emulator.x86;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.engine.CodeHookCounter;
import org.l4emu.emulator.engine.InstructionCounting;
import org.l4emu.emulator.engine.SyscallContinuation;
import org.l4emu.emulator.physical.NativePhysicalMemory;
import org.l4emu.emulator.spacetlb.SpaceTlbs;
import org.l4emu.emulator.unicorn.InterruptHook;
import org.l4emu.emulator.unicorn.UcMemType;
import org.l4emu.emulator.unicorn.UcProt;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.UnicornContext;
import org.l4emu.emulator.unicorn.X86Register;

/**
 * The emulated IA-32 CPU of the one-engine design: one Unicorn engine holding all of physical
 * memory once, running user code in ring 3 with PAE paging and execute-disable through the
 * page tables of whichever {@link X86AddressSpace} it runs. Switching spaces writes CR3, which
 * flushes the TLB (QEMU's TLB has no address-space tags; a start-up probe checks the write
 * flushes, else the CPU flushes with {@code UC_CTL_TLB_FLUSH} too). Where the calibration finds
 * QEMU's TLB structures ({@link X86SpaceTlbCalibration}), each space keeps a TLB of its own
 * instead, swapped in as it enters ({@link SpaceTlbs}), and CR3 is written in QEMU's CPU state,
 * which does not flush.
 *
 * <p>Faults. An access to a page nothing maps, or mapped without rights, lands in the trap
 * range ({@link PaeEntry}) and reaches the invalid-memory hook with its type and linear
 * address. An access against a mapped page's rights (a write to a read-only page, a fetch from
 * a non-executable one) raises #PF, which the interrupt hook sees as vector 14 with CR2, but
 * Unicorn does not pass on its error code; {@link ProtectionFaults} works out the access from
 * the page's rights and EIP, and in the one case those leave open the instruction runs again
 * with the page trapped, which names the access without completing anything.
 *
 * <p>QEMU remembers the last exception it raised to detect double faults, and as the hook takes
 * the place of delivery nothing clears that memory (this design takes exceptions in the hook
 * just as the engine-per-space one does): a second #PF would become a #DF. So after any
 * exception the CPU state is restored from a snapshot taken right after set-up
 * ({@link #forgetException()}), which also puts back a CR2 no #PF can report, so that a
 * vector 14 that leaves CR2 alone is known to be {@code int $0xe}.
 */
final class X86Cpu implements InterruptHook, X86CounterProbe.ProbedCpu,
        SyscallContinuation.Cpu<X86CpuContext, X86AddressSpace>, AutoCloseable {
    private static final int CR0_PAGING = 1 << 31;
    /** CR2 between page faults: the entry page, which traps once the CPU is set up, so no #PF reports it. */
    private static final int NO_PAGE_FAULT = (int) KernelLayout.ENTRY_PAGE;
    private static final long TRAP_RANGE = 1L << 32;
    /** x86 has one user-mode MMU index, so one TLB that spaces take turns in. */
    private static final int USER_REGIME = 0;

    private final Unicorn unicorn;
    private final Arena arena;
    private final NativePhysicalMemory memory;
    private final KernelRegion kernel;
    private final X86Registers registers;
    private final X86Counting countingFound;
    private InstructionCounting counting;
    private final StopRecord stop;
    private final UnicornContext afterSetUp;
    private final boolean cr3WriteFlushes;
    /** Takes system calls inside the hook, or null when every exception stops the CPU. */
    private SyscallContinuation<X86CpuContext, X86AddressSpace> syscalls;
    /** The space whose tables CR3 holds (the TLB may hold its translations), or null. */
    private X86AddressSpace translating;
    /** Where spaces keep their own TLB: the swapping, and CR3's place; else null. */
    private SpaceTlbs spaceTlbs;
    private X86CpuState state;
    /**
     * Where spaces keep their own TLB: the space whose table QEMU holds, or null when it is
     * empty. Apart from {@link #translating}, which the restore after an exception forgets while
     * the TLB stays as it was.
     */
    private X86AddressSpace holding;
    /** The space of the thread the CPU runs, or ran last. */
    private X86AddressSpace running;
    /** The thread the CPU runs, or ran last (for debug hooks: one engine runs every space). */
    private X86CpuContext runningContext;

    /**
     * Opens the engine over {@code memory} (mapped whole at physical 0), sets up paging and ring 3,
     * and calibrates the instruction counter. {@code cr3WriteFlushes}: whether a CR3 write alone
     * empties the TLB (see {@link PagingProbe}).
     */
    X86Cpu(NativePhysicalMemory memory, MemorySegment ram, boolean cr3WriteFlushes) {
        this.memory = memory;
        this.cr3WriteFlushes = cr3WriteFlushes;
        unicorn = X86Engine.open();
        stop = new StopRecord(unicorn);
        arena = Arena.ofShared();
        try {
            kernel = new KernelRegion(arena);
            unicorn.mapMemory(0, memory.size(), UcProt.ALL, ram);
            unicorn.mapMemory(KernelLayout.KERNEL_REGION, kernel.memory().byteSize(), UcProt.ALL, kernel.memory());
            installHooks();
            UserModeEntry.enter(unicorn, UserModeEntry.Paging.ON);
            registers = new X86Registers(unicorn, arena);
            CodeHookCounter publicCounter = new CodeHookCounter(unicorn::stop);
            long codeHook = unicorn.addCodeHook(publicCounter);
            // The probe may have been translated, without the hook, as the entry stub ran.
            UserModeEntry.dropTranslations(unicorn);
            counting = publicCounter;
            countingFound = X86Counting.decide(this, publicCounter);
            counting = countingFound.counterOn(unicorn, publicCounter, codeHook);
            UserModeEntry.dropTranslations(unicorn);
            kernel.closeEntryPage();
            unicorn.flushTlb();
            unicorn.writeRegister(X86Register.CR2, NO_PAGE_FAULT);
            afterSetUp = unicorn.allocateContext();
            afterSetUp.save();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** The one place hooks are added to this engine. */
    private void installHooks() {
        unicorn.addInterruptHook(this);
        unicorn.addInvalidMemoryHook(stop);
        X86Cpuid.install(unicorn);
        X86PrivilegedInstructions.install(unicorn, stop, () -> counting.started());
    }

    /** How this engine counts, for diagnostics. */
    X86Counting countingFound() {
        return countingFound;
    }

    @Override
    public InstructionCounting counting() {
        return counting;
    }

    /** The counter can give a new budget inside the hook (EIP is written in place on any engine). */
    @Override
    public boolean continuesInHook() {
        return counting.canContinueInHook();
    }

    @Override
    public Unicorn unicorn() {
        return unicorn;
    }

    /** From now on system calls go to {@code continuation} inside the hook (null: they stop the CPU). */
    void takeSyscallsWith(SyscallContinuation<X86CpuContext, X86AddressSpace> continuation) {
        this.syscalls = continuation;
    }

    @Override
    public X86CpuContext context(CpuContext context) {
        if (!(context instanceof X86CpuContext thread)) {
            throw new IllegalArgumentException("not an x86 context: " + context);
        }
        return thread;
    }

    @Override
    public X86AddressSpace space(AddressSpace space) {
        if (!(space instanceof X86AddressSpace x86Space) || x86Space.isDestroyed() || !x86Space.belongsTo(memory)) {
            throw new IllegalArgumentException("not a live address space of this x86 machine: " + space);
        }
        return x86Space;
    }

    /**
     * Makes the CPU run {@code context} in {@code space}, EIP aside: its thread pointer, the
     * space's tables (flushing the TLB if they are new to it or changed), and whatever registers
     * differ from what the CPU holds.
     */
    @Override
    public void prepare(X86CpuContext context, X86AddressSpace space) {
        kernel.setThreadPointer(context.threadPointer());
        if (space != translating && spaceTlbs != null) {
            enterOwnTlb(space);
            translating = space;
        } else if (space != translating) {
            unicorn.writeRegister(X86Register.CR3, (int) space.pointerTable());
            if (!cr3WriteFlushes) {
                unicorn.flushTlb();
            }
            space.takeTranslationsChanged();
            translating = space;
        } else if (space.takeTranslationsChanged()) {
            unicorn.flushTlb();
        }
        registers.load(context);
        running = space;
        runningContext = context;
    }

    /** {@code space} takes QEMU's TLB with its own table in it, and CR3 without a flush. */
    private void enterOwnTlb(X86AddressSpace space) {
        boolean changed = space.takeTranslationsChanged();
        if (space != holding) {
            if (spaceTlbs.othersFilled()) {
                // The kernel's TLBs may translate user stacks of the space that leaves (iret, lret,
                // far calls): they go, with its own table's entries, which stays its.
                unicorn.flushTlb();
            }
            spaceTlbs.swap(USER_REGIME, holding, space, changed);
            holding = space;
        } else if (changed) {
            unicorn.flushTlb();
        }
        spaceTlbs.running(space);
        state.writeCr3(space.pointerTable());
    }

    /**
     * From now on spaces keep their own TLB through {@code swapped}, CR3 written in
     * {@code cpuState}; null: they stop, every table kept aside is dropped and the TLB flushed.
     */
    void useSpaceTlbs(SpaceTlbs swapped, X86CpuState cpuState) {
        if (spaceTlbs != null) {
            spaceTlbs.forgetAll();
            spaceTlbs.stopTagging();
        }
        unicorn.flushTlb();
        spaceTlbs = swapped;
        state = cpuState;
        holding = null;
        translating = null;
    }

    /** From now on the general registers and EIP are read and written in QEMU's CPU state. */
    void useLiveRegisters(X86LiveRegisters live) {
        registers.useLive(live);
    }

    /** Empties the TLB; the next {@link #prepare} loads CR3 again (for the calibration). */
    void unloadTranslation() {
        unicorn.flushTlb();
        translating = null;
    }

    /** The space of the thread the CPU runs or ran last. */
    X86AddressSpace runningSpace() {
        return running;
    }

    /** The thread the CPU runs or ran last. */
    X86CpuContext loadedContext() {
        return runningContext;
    }

    @Override
    public int emulate(X86CpuContext context, long instructions) {
        return emulate(context.instructionPointer(), instructions);
    }

    @Override
    public int emulate(int address, long instructions) {
        stop.clear();
        counting.runStarting(instructions);
        return unicorn.emulate(Integer.toUnsignedLong(address), KernelLayout.NO_END_ADDRESS, 0, instructions);
    }

    /** What stopped the last run. */
    StopRecord stop() {
        return stop;
    }

    /**
     * After a run: turns the refused access or page fault of {@code thread}, which the CPU ran
     * last and whose registers are saved, into the fault at its linear address with its access.
     * Take the run's counts first: this may run the faulting instruction again.
     */
    void settleFault(X86CpuContext thread) {
        if (stop.faultPending()) {
            stop.refused(stop.faultType(), linearOfTrap(stop.faultAddress()));
        } else if (stop.vector() == X86Vector.PAGE_FAULT) {
            int address = unicorn.readRegister(X86Register.CR2);
            if (address != NO_PAGE_FAULT) {
                protectionFault(thread, address);
            }
        }
    }

    private static long linearOfTrap(long physical) {
        if (physical < KernelLayout.TRAP_BASE || physical >= KernelLayout.TRAP_BASE + TRAP_RANGE) {
            throw new IllegalStateException("an access reached physical 0x" + Long.toHexString(physical)
                    + ", which no region holds and no trap entry names");
        }
        return physical - KernelLayout.TRAP_BASE;
    }

    /** A #PF at {@code address} against a mapped page's rights: becomes the pending fault with its access. */
    private void protectionFault(X86CpuContext thread, int address) {
        Access rights = Integer.toUnsignedLong(address) >>> 12 == KernelLayout.KERNEL_PAGE >>> 12
                ? Access.READ : running.rights(address);
        int type = ProtectionFaults.type(rights, address, thread.instructionPointer());
        forgetException();
        if (type == ProtectionFaults.UNKNOWN) {
            type = rerunTrapped(thread, address);
        }
        stop.refused(type, Integer.toUnsignedLong(address));
    }

    /**
     * Runs the faulting instruction again, at most that one, with the faulting page trapped: its
     * first access to the page stops it there, with the kind of access, and nothing completes.
     * A read can only have been the first half of a read-modify-write: the page was readable.
     */
    private int rerunTrapped(X86CpuContext thread, int address) {
        long page = Integer.toUnsignedLong(address) & -KernelLayout.PAGE_SIZE;
        X86AddressSpace space = running;
        long entry = space.trapPage(page);
        try {
            prepare(thread, space);
            int code = emulate(thread.instructionPointer(), 1);
            if (!stop.faultPending() || linearOfTrap(stop.faultAddress()) >>> 12 != page >>> 12) {
                throw new IllegalStateException("the instruction at 0x" + Integer.toHexString(thread.instructionPointer())
                        + " faulted at 0x" + Integer.toHexString(address) + " but not again (uc_err " + code + ")");
            }
            return UcMemType.isFetch(stop.faultType()) ? UcMemType.FETCH_PROT : UcMemType.WRITE_PROT;
        } finally {
            space.restorePage(page, entry);
            registers.forget();
        }
    }

    @Override
    public int pendingVector() {
        return stop.vector();
    }

    @Override
    public void saveInto(X86CpuContext context) {
        registers.save(context);
    }

    /**
     * Inside the hook: the CPU goes on with {@code context} in {@code space} for exactly
     * {@code budget} more instructions, without leaving uc_emu_start. EIP is written only when
     * it is not already the one to go on at, since writing it through Unicorn makes Unicorn
     * leave and re-enter its CPU loop (with the live registers it is a store in QEMU's state).
     */
    @Override
    public void continueWith(X86CpuContext context, X86AddressSpace space, long budget) {
        boolean elsewhere = registers.instructionPointerDiffers(context);
        prepare(context, space);
        if (elsewhere) {
            registers.loadInstructionPointer(context.instructionPointer());
        }
        counting.continueFor(budget);
    }

    @Override
    public void stopBeforeNextInstruction() {
        counting.stopBeforeNext();
        unicorn.stop();
    }

    /**
     * Restores the state after set-up, which clears QEMU's memory of the last exception. The
     * registers it also restores belong to no thread and its CR3 to no space, so the next
     * {@link #prepare} loads them all.
     */
    void forgetException() {
        afterSetUp.restore();
        registers.forget();
        translating = null;
    }

    /**
     * Drops code translated from physical {@code [address, address + length)}: host writes do not
     * invalidate it, so a freed frame reused for new code would run the old translation. Unicorn
     * removes translations by virtual address, so paging goes off for the call, making virtual
     * equal physical, with the TLB emptied on either side.
     */
    void discardTranslations(long address, long length) {
        int cr0 = unicorn.readRegister(X86Register.CR0);
        unicorn.flushTlb();
        unicorn.writeRegister(X86Register.CR0, cr0 & ~CR0_PAGING);
        try {
            unicorn.removeTranslationBlocks(address, address + length);
        } finally {
            unicorn.writeRegister(X86Register.CR0, cr0);
            unicorn.flushTlb();
        }
    }

    /** A thread in virtual-8086 mode stops at its system call too: its stop restores the CPU ({@link X86StopDecoder#decode}). */
    @Override
    public boolean mayContinueAfter(X86CpuContext context) {
        return !X86StopDecoder.inVirtual8086(context);
    }

    /**
     * Runs inside uc_emu_start. A system call may be handled and continued from right here;
     * anything else records the exception and stops, without writing EIP (that makes Unicorn
     * resume there and cancels the stop).
     */
    @Override
    public void onInterrupt(int number) {
        if (number == X86Vector.SYSCALL && syscalls != null && syscalls.continueAfterSyscall()) {
            return;
        }
        stop.interrupted(number);
        unicorn.stop();
    }

    @Override
    public void close() {
        try {
            if (spaceTlbs != null) {
                spaceTlbs.forgetAll();
            }
            unicorn.close();
        } finally {
            arena.close();
        }
    }
}
