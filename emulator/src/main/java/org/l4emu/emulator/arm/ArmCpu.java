package org.l4emu.emulator.arm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.l4emu.emulator.engine.InstructionCounter;
import org.l4emu.emulator.unicorn.ArmCpRegister;
import org.l4emu.emulator.unicorn.ArmCpRegister.Bank;
import org.l4emu.emulator.unicorn.ArmCpuModel;
import org.l4emu.emulator.unicorn.ArmRegister;
import org.l4emu.emulator.unicorn.InterruptHook;
import org.l4emu.emulator.unicorn.RegisterBatch;
import org.l4emu.emulator.unicorn.UcArch;
import org.l4emu.emulator.unicorn.UcMode;
import org.l4emu.emulator.unicorn.UcProt;
import org.l4emu.emulator.unicorn.Unicorn;

/**
 * The emulated Cortex-A15: one Unicorn engine running user-mode code with the MMU on. It loads
 * a thread's registers (and, when needed, an address space's translation registers) with one
 * batch call, runs, records the exception that stopped it, and reads the registers back.
 *
 * <p>Two address spaces stay cached at once. QEMU's TLB has no ASIDs, so switching spaces
 * would mean flushing it, and refilling it (page walks, code lookups) is what makes a switch
 * expensive: about 700 ns against 70. But QEMU keeps a separate TLB per translation regime, and
 * the Security Extensions give user mode two of them, secure and non-secure, each with its own
 * banked TTBR0, CONTEXTIDR and TPIDRURO. So the CPU holds one space per security state and
 * switching between those two is a write of SCR.NS; only a third space evicts one of them.
 * The security state is invisible to user code.
 */
final class ArmCpu implements InterruptHook, AutoCloseable {
    /** DACR: all 16 domains "client", so page permissions are checked. */
    private static final int ALL_DOMAINS_CLIENT = 0x5555_5555;
    private static final int SCTLR_MMU_ENABLE = 1;
    private static final int SCR_NON_SECURE = 1;

    // Load batch, in write order: SCR, then CPSR, whose write makes QEMU recompute the cached
    // state (security state and user mode) that translation uses, then the rest.
    private static final int LOAD_SCR = 0;
    private static final int LOAD_CPSR = 1;
    private static final int LOAD_R0 = 2;
    private static final int LOAD_TPIDRURO = 17;
    private static final int LOAD_TTBR0 = 18;
    private static final int LOAD_CONTEXTIDR = 19;
    private static final int LOAD_TLB_FLUSH = 20;
    private static final int LOAD_SIZE = 21;
    private static final int LOAD_THREAD_COUNT = LOAD_TTBR0 - LOAD_CPSR;
    private static final int LOAD_THREAD_AND_STATE_COUNT = LOAD_TTBR0 - LOAD_SCR;

    private final Unicorn unicorn;
    private final Arena arena;
    private final RegisterBatch load;
    /** r0-r12, sp, lr, pc, cpsr: the order of {@link ArmCpuContext}'s registers. */
    private final RegisterBatch save;
    private final int[] saved = new int[ArmCpuContext.REGISTER_COUNT];
    private final ExceptionRecord record;
    private final int scrOtherBits;
    /** The address space whose translations each security state holds, by {@link Bank} ordinal. */
    private final ArmAddressSpace[] resident = new ArmAddressSpace[Bank.values().length];
    private Bank active = Bank.NON_SECURE;
    private ArmCpuContext loaded;
    private InstructionCounter counter;
    private int pendingException = ArmException.NONE;
    /** Where the counter stood when the thread now running began its budget (0 at uc_emu_start). */
    private long segmentStart;
    /** Takes system calls inside the hook, or null when every exception stops the CPU. */
    private SyscallContinuation syscalls;

    ArmCpu(MemorySegment physicalMemory) {
        unicorn = Unicorn.open(UcArch.ARM, UcMode.ARM);
        arena = Arena.ofShared();
        try {
            unicorn.setCpuModel(ArmCpuModel.CORTEX_A15);
            unicorn.mapMemory(0, physicalMemory.byteSize(), UcProt.ALL, physicalMemory);
            for (Bank bank : Bank.values()) {
                unicorn.writeCoprocessor(ArmCpRegister.TTBCR, bank, 0);
                unicorn.writeCoprocessor(ArmCpRegister.DACR, bank, ALL_DOMAINS_CLIENT);
                unicorn.writeCoprocessor(ArmCpRegister.TTBR0, bank, 0);
                unicorn.writeCoprocessor(ArmCpRegister.SCTLR, bank,
                        unicorn.readCoprocessor(ArmCpRegister.SCTLR, bank) | SCTLR_MMU_ENABLE);
            }
            scrOtherBits = unicorn.readCoprocessor(ArmCpRegister.SCR, Bank.SECURE) & ~SCR_NON_SECURE;
            unicorn.writeCoprocessor(ArmCpRegister.SCR, Bank.SECURE, scrOtherBits | SCR_NON_SECURE);
            unicorn.writeCoprocessor(ArmCpRegister.TLBIALL, 0);
            unicorn.writeRegister(ArmRegister.CPSR, ArmCpuContext.CPSR_USER_MODE | ArmCpuContext.CPSR_MASKS);
            unicorn.addInterruptHook(this);
            record = new ExceptionRecord(unicorn.allocateContext());
            load = loadBatch(arena);
            save = saveBatch(arena);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static RegisterBatch loadBatch(Arena arena) {
        RegisterBatch.Builder builder = RegisterBatch.builder().addCoprocessor(ArmCpRegister.SCR, Bank.SECURE)
                .add(ArmRegister.CPSR);
        for (int r = 0; r <= 12; r++) {
            builder.add(ArmRegister.general(r));
        }
        RegisterBatch batch = builder.add(ArmRegister.SP).add(ArmRegister.LR).addCoprocessor(ArmCpRegister.TPIDRURO)
                .addCoprocessor(ArmCpRegister.TTBR0).addCoprocessor(ArmCpRegister.CONTEXTIDR)
                .addCoprocessor(ArmCpRegister.TLBIALL).build(arena);
        if (batch.size() != LOAD_SIZE) {
            throw new AssertionError("load batch layout");
        }
        return batch;
    }

    private static RegisterBatch saveBatch(Arena arena) {
        RegisterBatch.Builder builder = RegisterBatch.builder();
        for (int r = 0; r <= 12; r++) {
            builder.add(ArmRegister.general(r));
        }
        return builder.add(ArmRegister.SP).add(ArmRegister.LR).add(ArmRegister.PC).add(ArmRegister.CPSR).build(arena);
    }

    Unicorn unicorn() {
        return unicorn;
    }

    ExceptionRecord record() {
        return record;
    }

    void useInternals(EngineInternals calibrated) {
        record.useOffsets(calibrated);
        this.counter = new InstructionCounter(unicorn, calibrated.counter());
    }

    /**
     * Makes the CPU run {@code context} in {@code space}: catches the TLB up with changed
     * mappings, then writes only what differs from what the CPU holds.
     */
    void prepare(ArmCpuContext context, ArmAddressSpace space) {
        invalidateChangedPages();
        Bank bank = bankHolding(space);
        if (bank == active && context == loaded) {
            loadChangedRegisters(context);
            return;
        }
        boolean enter = bank == null;
        if (enter) {
            bank = active == Bank.NON_SECURE ? Bank.SECURE : Bank.NON_SECURE;
            resident[bank.ordinal()] = space;
            space.clearChangedPages();
            load.setCoprocessor(LOAD_TTBR0, ArmCpRegister.TTBR0, bank);
            load.setCoprocessor(LOAD_CONTEXTIDR, ArmCpRegister.CONTEXTIDR, bank);
            // Only the entering state's TLB must go. TLBIALLNSNH flushes just the non-secure
            // one; for the secure one QEMU has nothing narrower than TLBIALL.
            load.setCoprocessor(LOAD_TLB_FLUSH, bank == Bank.NON_SECURE ? ArmCpRegister.TLBIALLNSNH
                    : ArmCpRegister.TLBIALL, Bank.NON_SECURE);
            load.set(LOAD_TTBR0, (int) space.l1Table());
            load.set(LOAD_CONTEXTIDR, space.asid());
        }
        if (bank != active || enter) {
            load.setCoprocessor(LOAD_TPIDRURO, ArmCpRegister.TPIDRURO, bank);
            load.set(LOAD_SCR, scrOtherBits | (bank == Bank.NON_SECURE ? SCR_NON_SECURE : 0));
        }
        for (int index = LOAD_CPSR; index <= LOAD_TPIDRURO; index++) {
            fill(context, index);
        }
        if (enter) {
            unicorn.write(load, LOAD_SCR, LOAD_SIZE);
        } else if (bank != active) {
            unicorn.write(load, LOAD_SCR, LOAD_THREAD_AND_STATE_COUNT);
        } else {
            unicorn.write(load, LOAD_CPSR, LOAD_THREAD_COUNT);
        }
        active = bank;
        loaded = context;
    }

    /**
     * The CPU still holds {@code context} but for what the kernel changed since: write the
     * smallest run of the batch that covers those registers (often just r0-r1, the results).
     */
    private void loadChangedRegisters(ArmCpuContext context) {
        int changed = context.changedRegisters() & ~(1 << ArmCpuContext.PC);
        if (changed == 0) {
            return;
        }
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int bits = changed; bits != 0; bits &= bits - 1) {
            int index = batchIndex(Integer.numberOfTrailingZeros(bits));
            first = Math.min(first, index);
            last = Math.max(last, index);
        }
        for (int index = first; index <= last; index++) {
            fill(context, index);
        }
        unicorn.write(load, first, last - first + 1);
    }

    /** Where context register {@code number} (or the thread pointer bit) sits in the load batch. */
    private static int batchIndex(int number) {
        return switch (number) {
            case ArmCpuContext.CPSR -> LOAD_CPSR;
            case ArmCpuContext.THREAD_POINTER_BIT -> LOAD_TPIDRURO;
            default -> LOAD_R0 + number;
        };
    }

    private void fill(ArmCpuContext context, int index) {
        switch (index) {
            case LOAD_CPSR -> load.set(LOAD_CPSR, context.cpsrToLoad());
            case LOAD_TPIDRURO -> load.set(LOAD_TPIDRURO, context.threadPointer());
            default -> load.set(index, context.register(index - LOAD_R0));
        }
    }

    private Bank bankHolding(ArmAddressSpace space) {
        if (resident[Bank.NON_SECURE.ordinal()] == space) {
            return Bank.NON_SECURE;
        }
        return resident[Bank.SECURE.ordinal()] == space ? Bank.SECURE : null;
    }

    /** Spaces not resident have nothing cached; they start clean when they enter. */
    private void invalidateChangedPages() {
        for (ArmAddressSpace space : resident) {
            if (space == null || !space.hasChangedPages()) {
                continue;
            }
            if (space.everythingChanged()) {
                unicorn.writeCoprocessor(ArmCpRegister.TLBIALL, 0);
            } else {
                for (int i = 0; i < space.changedPageCount(); i++) {
                    unicorn.writeCoprocessor(ArmCpRegister.TLBIMVA, space.changedPage(i));
                }
            }
            space.clearChangedPages();
        }
    }

    /** Forgets every space: no TTBR0 in either state, nothing cached. */
    void unloadTranslation() {
        for (Bank bank : Bank.values()) {
            unicorn.writeCoprocessor(ArmCpRegister.TTBR0, bank, 0);
            unicorn.writeCoprocessor(ArmCpRegister.CONTEXTIDR, bank, 0);
            resident[bank.ordinal()] = null;
        }
        unicorn.writeCoprocessor(ArmCpRegister.TLBIALL, 0);
        loaded = null;
    }

    /**
     * Runs from {@code address} (bit 0 = Thumb) for at most {@code instructions} and returns
     * {@code uc_emu_start}'s error code; {@link #pendingException()} says what the hook saw.
     */
    int emulate(int address, long instructions) {
        pendingException = ArmException.NONE;
        segmentStart = 0;
        return unicorn.emulate(Integer.toUnsignedLong(address), 0, 0, instructions);
    }

    /** The exception number the interrupt hook took during the last run, or {@link ArmException#NONE}. */
    int pendingException() {
        return pendingException;
    }

    /**
     * Instructions the count hook saw start since the running thread began its budget: since
     * uc_emu_start, or since the last {@link #continueWith} inside the hook.
     */
    long startedInstructions() {
        return counter.started() - segmentStart;
    }

    /**
     * Inside the hook: the CPU goes on with {@code context} in {@code space} for exactly
     * {@code budget} more instructions, without leaving uc_emu_start. Registers are loaded as
     * {@link #prepare} does; the PC is written only when it must change, because a PC write
     * makes Unicorn leave and re-enter its CPU loop.
     */
    void continueWith(ArmCpuContext context, ArmAddressSpace space, long budget) {
        boolean samePosition = context == loaded && bankHolding(space) == active
                && (context.changedRegisters() & 1 << ArmCpuContext.PC) == 0;
        prepare(context, space);
        if (!samePosition) {
            unicorn.writeRegister(ArmRegister.PC, context.resumeAddress());
        }
        segmentStart = counter.started();
        counter.allowMore(budget);
    }

    /**
     * Inside the hook: makes sure the CPU stops before its next instruction, even if a PC write
     * in this hook cancelled {@link Unicorn#stop()}.
     */
    void stopBeforeNextInstruction() {
        counter.stopBeforeNext();
        unicorn.stop();
    }

    /** From now on system calls go to {@code continuation} inside the hook (null: they stop the CPU). */
    void takeSyscallsWith(SyscallContinuation continuation) {
        this.syscalls = continuation;
    }

    /** Reads the registers back into {@code context}, which the CPU now holds. */
    void saveInto(ArmCpuContext context) {
        unicorn.read(save, ArmCpuContext.REGISTER_COUNT);
        for (int i = 0; i < ArmCpuContext.REGISTER_COUNT; i++) {
            saved[i] = save.get(i);
        }
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
            record.capture();
        }
        unicorn.stop();
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
            unicorn.close();
        } finally {
            arena.close();
        }
    }
}
