package org.l4emu.emulator.arm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.engine.CodeHookCounter;
import org.l4emu.emulator.engine.InstructionCounting;
import org.l4emu.emulator.engine.SyscallContinuation;
import org.l4emu.emulator.spacetlb.PageSet;
import org.l4emu.emulator.spacetlb.SpaceTlbs;
import org.l4emu.emulator.unicorn.ArmCpRegister;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;
import org.l4emu.emulator.unicorn.ArmCpuModel;
import org.l4emu.emulator.unicorn.ArmRegister;
import org.l4emu.emulator.unicorn.InterruptHook;
import org.l4emu.emulator.unicorn.MemoryHook;
import org.l4emu.emulator.unicorn.UcArch;
import org.l4emu.emulator.unicorn.UcMode;
import org.l4emu.emulator.unicorn.UcProt;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * The emulated Cortex-A15: one Unicorn engine running user-mode code with the MMU on. It loads
 * a thread's registers (and, when needed, an address space's translation registers), runs,
 * records the exception that stopped it, and reads the registers back. CPSR, the thread register
 * and the translation registers go through one Unicorn batch call, and only when they change.
 *
 * <p>User code can write two registers besides r0-r15 and CPSR: TPIDRURW, the user read/write
 * thread ID register (banked by security state), and TEEHBR, the ThumbEE handler base (the
 * Cortex-A15 has ThumbEE, and TEECR.XED stays clear, as Linux leaves it). Both are the thread's:
 * read back after every run with CPSR, and written before a run only where the thread's value
 * differs from what that security state's copy holds ({@link #heldUserThreadRegister}).
 *
 * <p>Everything works through Unicorn's public API: core registers by batch calls
 * ({@link BatchCoreRegisters}), instruction counts from a code hook ({@link CodeHookCounter}),
 * aborts described from the page tables ({@link PublicAborts}). {@link EngineCalibration} then
 * replaces each with its accelerator where the start-up check passes: QEMU's CPU state in place
 * ({@link LiveCpuState}), Unicorn's own counter (which also lets a system call switch threads
 * inside the hook), QEMU's exception record ({@link ExceptionRecord}).
 *
 * <p>Two address spaces stay cached at once. QEMU's TLB has no ASIDs, so switching spaces
 * would mean flushing it, and refilling it (page walks, code lookups) is what makes a switch
 * expensive: about 700 ns against 70. But QEMU keeps a separate TLB per translation regime, and
 * the Security Extensions give user mode two of them, secure and non-secure, each with its own
 * banked TTBR0 and TPIDRURO. So the CPU holds one space per security state and switching
 * between those two is a write of SCR.NS; only a third space evicts one of them
 * ({@link ResidentSpaces} says which). CONTEXTIDR stays 0: QEMU's TLB ignores ASIDs, and a
 * changed CONTEXTIDR flushes the TLBs of both states. The security state is invisible to user
 * code. Where the calibration finds QEMU's TLB structures, a third space does not flush either:
 * each space keeps a TLB of its own, swapped in when it enters ({@link SpaceTlbs}).
 */
final class ArmCpu implements InterruptHook, SyscallContinuation.Cpu<ArmCpuContext, ArmAddressSpace>, AutoCloseable {
    /** DACR: all 16 domains "client", so page permissions are checked. */
    private static final int ALL_DOMAINS_CLIENT = 0x5555_5555;
    private static final int SCTLR_MMU_ENABLE = 1;
    private static final int SCR_NON_SECURE = 1;
    /**
     * The "until" address of a run: Unicorn stops when a block starts there, and makes that block
     * empty, so that QEMU looks up the page of the byte before it, which raises a prefetch abort
     * there when it is unmapped. 0 is the one address where that does no harm: the byte before
     * is the kernel's, and a jump to mapped code at 0 raises that abort at PC 0, which
     * {@link StopDecoder} takes for what it is. The code at 0 then runs in a run of its own,
     * with 1 as its "until", which no PC can be.
     */
    private static final long UNTIL = 0;
    private static final long UNTIL_FOR_RUNS_AT_ZERO = 1;

    /** Bank.values() allocates a new array at each call; this runs on every system call. */
    private static final Bank[] BANKS = Bank.values();
    /** QEMU's target page on arm, the smallest it may have ({@code TARGET_PAGE_BITS_MIN}). */
    private static final int SMALLEST_QEMU_PAGE = 1024;
    /** The same thread again, its CPSR and thread pointer unchanged: no {@link SwitchRegisters} to write. */
    private static final int NOTHING_TO_SWITCH = -1;
    private static final int CPSR_OR_THREAD_POINTER = 1 << ArmCpuContext.CPSR | 1 << ArmCpuContext.THREAD_POINTER_BIT;

    private final Unicorn unicorn;
    private final Arena arena;
    private SwitchRegisters switches;
    /** r0-r15, CPSR, TPIDRURW and TEEHBR, as {@link ArmCpuContext#saveFromCpu} takes them, as last saved. */
    private final int[] saved = new int[ArmCpuContext.SAVED_COUNT];
    /**
     * What the CPU holds in TPIDRURW, by {@link Bank}, and in TEEHBR: as last read or written.
     * User code only writes the copy of the state it runs in, which is read back after the run.
     */
    private final int[] heldUserThreadRegister = new int[BANKS.length];
    private int heldThumbEeHandlerBase;
    private final CodeFrames codeFrames;
    private final int scrOtherBits;
    private final ResidentSpaces spaces = new ResidentSpaces();
    private final CodeHookCounter publicCounter;
    private final long codeHook;
    private boolean codeHookInstalled;
    private CoreRegisters registers;
    private InstructionCounting counting;
    private final PublicAborts publicAborts;
    private Aborts aborts;
    private FastStores fastStores;
    private SpaceTlbs spaceTlbs;
    private ArmCpuContext loaded;
    /** The space of the thread loaded last (for debug hooks: one engine runs every space). */
    private ArmAddressSpace loadedSpace;
    private int pendingException = ArmException.NONE;
    /** Takes system calls inside the hook, or null when every exception stops the CPU. */
    private SyscallContinuation<ArmCpuContext, ArmAddressSpace> syscalls;

    ArmCpu(MemorySegment physicalMemory, CodeFrames codeFrames, ProbeSpace probeSpace) {
        this.codeFrames = codeFrames;
        unicorn = Unicorn.open(UcArch.ARM, UcMode.ARM);
        arena = Arena.ofShared();
        try {
            unicorn.setCpuModel(ArmCpuModel.CORTEX_A15);
            unicorn.mapMemory(0, physicalMemory.byteSize(), UcProt.ALL, physicalMemory);
            for (Bank bank : Bank.values()) {
                unicorn.writeCoprocessor(ArmCpRegister.TTBCR, bank, 0);
                unicorn.writeCoprocessor(ArmCpRegister.DACR, bank, ALL_DOMAINS_CLIENT);
                unicorn.writeCoprocessor(ArmCpRegister.TTBR0, bank, 0);
                unicorn.writeCoprocessor(ArmCpRegister.CONTEXTIDR, bank, 0);
                unicorn.writeCoprocessor(ArmCpRegister.SCTLR, bank,
                        unicorn.readCoprocessor(ArmCpRegister.SCTLR, bank) | SCTLR_MMU_ENABLE);
            }
            scrOtherBits = unicorn.readCoprocessor(ArmCpRegister.SCR, Bank.SECURE) & ~SCR_NON_SECURE;
            unicorn.writeCoprocessor(ArmCpRegister.SCR, Bank.SECURE, scrOtherBits | SCR_NON_SECURE);
            unicorn.writeCoprocessor(ArmCpRegister.TLBIALL, 0);
            unicorn.writeRegister(ArmRegister.CPSR, ArmCpuContext.CPSR_USER_MODE | ArmCpuContext.CPSR_MASKS);
            unicorn.addInterruptHook(this);
            registers = new BatchCoreRegisters(unicorn, arena);
            clearUserThreadRegisters();
            publicCounter = new CodeHookCounter(unicorn::stop);
            codeHook = unicorn.addCodeHook(publicCounter);
            codeHookInstalled = true;
            counting = publicCounter;
            publicAborts = new PublicAborts(this, probeSpace);
            aborts = publicAborts;
            switches = new BatchSwitchRegisters(unicorn, arena);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    Unicorn unicorn() {
        return unicorn;
    }

    /** From now on the core registers go through {@code access}. */
    void useRegisters(CoreRegisters access) {
        this.registers = access;
    }

    /** From now on switches write TTBR0, SCR, CPSR and TPIDRURO through {@code access}. */
    void useSwitchRegisters(SwitchRegisters access) {
        this.switches = access;
    }

    SwitchRegisters switchRegisters() {
        return switches;
    }

    /** Sets TPIDRURW of both security states and TEEHBR to 0, as a new thread has them. */
    void clearUserThreadRegisters() {
        for (Bank bank : BANKS) {
            registers.writeUserThreadRegister(bank, 0);
            heldUserThreadRegister[bank.ordinal()] = 0;
        }
        registers.writeThumbEeHandlerBase(0);
        heldThumbEeHandlerBase = 0;
    }

    CoreRegisters registers() {
        return registers;
    }

    /** From now on aborts are described by {@code described}. */
    void useAborts(Aborts described) {
        this.aborts = described;
    }

    Aborts aborts() {
        return aborts;
    }

    /** The public way to describe aborts, whichever is in use. */
    PublicAborts publicAborts() {
        return publicAborts;
    }

    /** The public counter, whose hook stays installed until {@link #useCounting} replaces it. */
    CodeHookCounter publicCounter() {
        return publicCounter;
    }

    /**
     * From now on instructions are counted by {@code counter}; the public counter's code hook
     * goes when it is not the one (code translated with it is the calibration's, dropped after).
     */
    void useCounting(InstructionCounting counter) {
        this.counting = counter;
        if (counter != publicCounter && codeHookInstalled) {
            unicorn.deleteHook(codeHook);
            codeHookInstalled = false;
        }
    }

    @Override
    public InstructionCounting counting() {
        return counting;
    }

    /** The counter can give a new budget inside the hook, and the PC can be set in place. */
    @Override
    public boolean continuesInHook() {
        return counting.canContinueInHook() && registers.writesPc();
    }

    /** The address space the CPU runs now. */
    ArmAddressSpace runningSpace() {
        return spaces.space(spaces.active());
    }

    /** From now on threads that are loaded get fast stores to their UTCB and stack. */
    void useFastStores(FastStores calibrated) {
        this.fastStores = calibrated;
    }

    /** From now on a space entering a security state's TLB swaps its own in instead of flushing it. */
    void useSpaceTlbs(SpaceTlbs swapped) {
        if (spaceTlbs != null && spaceTlbs != swapped) {
            spaceTlbs.stopTagging();
        }
        this.spaceTlbs = swapped;
    }

    /** The security state whose TLB holds {@code space}, or null (for the calibration). */
    Bank bankHolding(ArmAddressSpace space) {
        return spaces.holding(space);
    }

    /**
     * Makes the CPU run {@code context} in {@code space} (PC included): catches the TLB up with
     * changed mappings, then writes only what differs from what the CPU holds.
     */
    @Override
    public void prepare(ArmCpuContext context, ArmAddressSpace space) {
        invalidateChangedPages();
        Bank bank = spaces.holding(space);
        int from;
        if (bank == null) {
            boolean changed = !space.changedPages().isEmpty();
            bank = spaces.enter(space);
            space.changedPages().clear();
            if (spaceTlbs != null) {
                spaceTlbs.swap(bank.ordinal(), spaces.evicted(), space, changed);
                from = SwitchRegisters.TABLE;
            } else {
                from = SwitchRegisters.FLUSH;
            }
        } else if (bank != spaces.active()) {
            from = SwitchRegisters.SECURITY_STATE;
        } else if (context != loaded || (context.changedRegisters() & CPSR_OR_THREAD_POINTER) != 0) {
            from = SwitchRegisters.THREAD;
        } else {
            from = NOTHING_TO_SWITCH;
        }
        if (from != NOTHING_TO_SWITCH) {
            switches.write(from, bank, (int) space.l1Table(), scrOtherBits | (bank == Bank.NON_SECURE ? SCR_NON_SECURE : 0),
                    context.cpsrToLoad(), context.threadPointer());
        }
        registers.write(context.coreRegisters());
        int userThreadRegister = context.userThreadRegister();
        if (userThreadRegister != heldUserThreadRegister[bank.ordinal()]) {
            registers.writeUserThreadRegister(bank, userThreadRegister);
            heldUserThreadRegister[bank.ordinal()] = userThreadRegister;
        }
        if (spaceTlbs != null) {
            spaceTlbs.running(space);
        }
        int thumbEeHandlerBase = context.thumbEeHandlerBase();
        if (thumbEeHandlerBase != heldThumbEeHandlerBase) {
            registers.writeThumbEeHandlerBase(thumbEeHandlerBase);
            heldThumbEeHandlerBase = thumbEeHandlerBase;
        }
        spaces.activate(bank);
        loaded = context;
        loadedSpace = space;
        if (fastStores != null) {
            fastStores.allowFastStoresFor(bank, context);
        }
    }

    /** Spaces not resident have nothing cached; they start clean when they enter. */
    private void invalidateChangedPages() {
        if (codeFrames.takeFlushNeeded()) {
            flushEveryTlb();
        }
        for (Bank bank : BANKS) {
            ArmAddressSpace space = spaces.space(bank);
            PageSet changed = space == null ? null : space.changedPages();
            if (changed == null || changed.isEmpty()) {
                continue;
            }
            if (changed.many()) {
                unicorn.writeCoprocessor(ArmCpRegister.TLBIALL, 0);
            } else {
                for (int i = 0; i < changed.count(); i++) {
                    invalidatePage(changed.page(i));
                }
            }
            changed.clear();
        }
    }

    /**
     * Drops what QEMU caches of the 4 KiB page at {@code page}: one TLBIMVA for each of QEMU's
     * pages in it (1 KiB on arm in Unicorn). One for the whole page would drop its TLB entries
     * (a 4 KiB mapping is a large page to QEMU, flushed whole), but the jump-cache slots only of
     * the 1 KiB it names and the one before: code in the rest of a page moved or unmapped would
     * still run from the frame mapped there before.
     */
    private void invalidatePage(int page) {
        for (int offset = 0; offset < PhysicalMemory.PAGE_SIZE; offset += SMALLEST_QEMU_PAGE) {
            unicorn.writeCoprocessor(ArmCpRegister.TLBIMVA, page + offset);
        }
    }

    /** The thread the CPU runs now (the last one loaded). */
    ArmCpuContext loadedContext() {
        return loaded;
    }

    /** The address space the CPU runs in now. */
    ArmAddressSpace loadedSpace() {
        return loadedSpace;
    }

    /** Forgets every space: no TTBR0 in either state, nothing cached. */
    void unloadTranslation() {
        for (Bank bank : Bank.values()) {
            unicorn.writeCoprocessor(ArmCpRegister.TTBR0, bank, 0);
        }
        spaces.clear();
        flushEveryTlb();
        loaded = null;
    }

    /** Both states' TLBs, and every TLB a space keeps aside. */
    private void flushEveryTlb() {
        unicorn.writeCoprocessor(ArmCpRegister.TLBIALL, 0);
        if (spaceTlbs != null) {
            spaceTlbs.forgetAll();
        }
    }

    /**
     * Runs from {@code address} (bit 0 = Thumb) for at most {@code instructions} and returns
     * {@code uc_emu_start}'s error code; {@link #pendingException()} says what the hook saw.
     */
    int emulate(int address, long instructions) {
        pendingException = ArmException.NONE;
        counting.runStarting(instructions);
        long until = (address & ~1) == 0 ? UNTIL_FOR_RUNS_AT_ZERO : UNTIL;
        return unicorn.emulate(Integer.toUnsignedLong(address), until, 0, instructions);
    }

    @Override
    public int emulate(ArmCpuContext context, long budget) {
        return emulate(context.resumeAddress(), budget);
    }

    /** The exception number the interrupt hook took during the last run, or {@link ArmException#NONE}. */
    int pendingException() {
        return pendingException;
    }

    /**
     * Inside the hook: the CPU goes on with {@code context} in {@code space} for exactly
     * {@code budget} more instructions, without leaving uc_emu_start. {@link #prepare} loads it,
     * PC included: QEMU fetches the next block from the PC in its CPU state. (A PC write through
     * Unicorn would make it leave and re-enter its CPU loop instead.)
     */
    @Override
    public void continueWith(ArmCpuContext context, ArmAddressSpace space, long budget) {
        prepare(context, space);
        counting.continueFor(budget);
    }

    /** Inside the hook: makes sure the CPU stops before its next instruction, whatever else the hook did. */
    @Override
    public void stopBeforeNextInstruction() {
        counting.stopBeforeNext();
        unicorn.stop();
    }

    @Override
    public ArmCpuContext context(CpuContext context) {
        return ArmMachine.armContext(context);
    }

    @Override
    public ArmAddressSpace space(AddressSpace space) {
        return ArmMachine.liveArmSpace(space, codeFrames);
    }

    /** From now on system calls go to {@code continuation} inside the hook (null: they stop the CPU). */
    void takeSyscallsWith(SyscallContinuation<ArmCpuContext, ArmAddressSpace> continuation) {
        this.syscalls = continuation;
    }

    /** Reads the registers back into {@code context}, which the CPU now holds. */
    @Override
    public void saveInto(ArmCpuContext context) {
        registers.read(saved);
        Bank bank = spaces.active();
        registers.readStatus(bank, saved);
        heldUserThreadRegister[bank.ordinal()] = saved[ArmCpuContext.SAVED_TPIDRURW];
        heldThumbEeHandlerBase = saved[ArmCpuContext.SAVED_TEEHBR];
        context.saveFromCpu(saved);
        loaded = context;
    }

    /**
     * Runs inside uc_emu_start. A system call may be handled and continued from right here;
     * anything else records the exception and stops, without writing PC (that makes Unicorn
     * resume there and cancels the stop). Aborts capture the exception record now, while it
     * describes this fault.
     */
    @Override
    public void onInterrupt(int number) {
        if (number == ArmException.SUPERVISOR_CALL && syscalls != null && syscalls.continueAfterSyscall()) {
            return;
        }
        pendingException = number;
        if (number == ArmException.DATA_ABORT || number == ArmException.PREFETCH_ABORT) {
            aborts.capture();
        }
        unicorn.stop();
    }

    /**
     * Runs the one instruction at {@code thread}'s PC again with the page tables at
     * {@code probeTable} in place of its space's, reporting each data access to {@code accesses};
     * returns the exception it raised, or {@link ArmException#NONE}. Everything the run changed
     * is undone: the space, the TLB, and the registers, which the next {@link #prepare} loads
     * anew. Only between runs.
     */
    int runAgainWith(ArmCpuContext thread, long probeTable, MemoryHook accesses) {
        Bank bank = spaces.active();
        ArmAddressSpace space = spaces.space(bank);
        unicorn.writeCoprocessor(ArmCpRegister.TTBR0, bank, (int) probeTable);
        unicorn.writeCoprocessor(ArmCpRegister.TLBIALL, 0);
        long hook = unicorn.addMemoryHook(accesses);
        loaded = null;
        try {
            registers.write(thread.coreRegisters());
            unicorn.writeRegister(ArmRegister.CPSR, thread.cpsrToLoad());
            emulate(thread.resumeAddress(), 1);
            return pendingException;
        } finally {
            unicorn.deleteHook(hook);
            unicorn.writeCoprocessor(ArmCpRegister.TTBR0, bank, (int) space.l1Table());
            unicorn.writeCoprocessor(ArmCpRegister.TLBIALL, 0);
            pendingException = ArmException.NONE;
        }
    }

    /**
     * Drops code translated from physical {@code [address, address + length)}: host writes do
     * not invalidate it (nor, in 2.0.1, do writes through uc_mem_write), so a freed frame
     * reused for new code at the same virtual address would run the old translation. Unicorn
     * only removes translations by virtual address, so the MMU of the current security state
     * goes off for the call, making virtual equal physical, and the TLB entries made meanwhile
     * are flushed.
     */
    void discardTranslations(long address, long length) {
        Bank active = spaces.active();
        int sctlr = unicorn.readCoprocessor(ArmCpRegister.SCTLR, active);
        unicorn.writeCoprocessor(ArmCpRegister.SCTLR, active, sctlr & ~SCTLR_MMU_ENABLE);
        try {
            unicorn.removeTranslationBlocks(address, address + length);
        } finally {
            unicorn.writeCoprocessor(ArmCpRegister.SCTLR, active, sctlr);
            unicorn.writeCoprocessor(ArmCpRegister.TLBIALL, 0);
        }
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
