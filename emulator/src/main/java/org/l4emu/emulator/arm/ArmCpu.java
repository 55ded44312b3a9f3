package org.l4emu.emulator.arm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.unicorn.ArmCpuModel;
import org.l4emu.emulator.unicorn.ArmCpRegister;
import org.l4emu.emulator.unicorn.ArmRegister;
import org.l4emu.emulator.unicorn.InterruptHook;
import org.l4emu.emulator.unicorn.RegisterBatch;
import org.l4emu.emulator.unicorn.UcArch;
import org.l4emu.emulator.unicorn.UcMode;
import org.l4emu.emulator.unicorn.UcProt;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.UnicornContext;

/**
 * The emulated Cortex-A15: one Unicorn engine running user-mode code with the MMU on. It loads
 * a thread's registers (and an address space's translation registers) with one batch call,
 * runs, records the exception that stopped it, and reads the registers back with another.
 */
final class ArmCpu implements InterruptHook, AutoCloseable {
    /** DACR: all 16 domains "client", so page permissions are checked. */
    private static final int ALL_DOMAINS_CLIENT = 0x5555_5555;
    private static final int SCTLR_MMU_ENABLE = 1;

    // Load batch, in write order. CPSR goes first so that the mode is USR before r13/r14 land.
    private static final int LOAD_CPSR = 0;
    private static final int LOAD_R0 = 1;
    private static final int LOAD_TPIDRURO = 16;
    private static final int LOAD_TTBR0 = 17;
    private static final int LOAD_CONTEXTIDR = 18;
    private static final int LOAD_TLBIALL = 19;
    private static final int LOAD_REGISTERS_ONLY = 17;
    private static final int LOAD_WITH_TRANSLATION = 20;

    private final Unicorn unicorn;
    private final Arena arena;
    private final RegisterBatch load;
    /** r0-r12, sp, lr, pc, cpsr: the order of {@link ArmCpuContext}'s registers. */
    private final RegisterBatch save;
    private final int[] saved = new int[ArmCpuContext.REGISTER_COUNT];
    /** The CPU state at the last abort, saved inside the hook: the exception record lives there. */
    private final UnicornContext snapshot;
    private MemorySegment engineStruct;
    private EngineInternals internals;
    private int pendingException = ArmException.NONE;

    ArmCpu(MemorySegment physicalMemory) {
        unicorn = Unicorn.open(UcArch.ARM, UcMode.ARM);
        arena = Arena.ofShared();
        try {
            unicorn.setCpuModel(ArmCpuModel.CORTEX_A15);
            unicorn.mapMemory(0, physicalMemory.byteSize(), UcProt.ALL, physicalMemory);
            unicorn.writeCoprocessor(ArmCpRegister.TTBCR, 0);
            unicorn.writeCoprocessor(ArmCpRegister.DACR, ALL_DOMAINS_CLIENT);
            unicorn.writeCoprocessor(ArmCpRegister.TTBR0, 0);
            unicorn.writeCoprocessor(ArmCpRegister.SCTLR,
                    unicorn.readCoprocessor(ArmCpRegister.SCTLR) | SCTLR_MMU_ENABLE);
            unicorn.writeCoprocessor(ArmCpRegister.TLBIALL, 0);
            unicorn.writeRegister(ArmRegister.CPSR, ArmCpuContext.CPSR_USER_MODE | ArmCpuContext.CPSR_MASKS);
            unicorn.addInterruptHook(this);
            snapshot = unicorn.allocateContext();
            load = loadBatch(arena);
            save = saveBatch(arena);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static RegisterBatch loadBatch(Arena arena) {
        RegisterBatch.Builder builder = RegisterBatch.builder().add(ArmRegister.CPSR);
        for (int r = 0; r <= 12; r++) {
            builder.add(ArmRegister.general(r));
        }
        return builder.add(ArmRegister.SP).add(ArmRegister.LR).add(ArmRegister.TPIDRURO)
                .addCoprocessor(ArmCpRegister.TTBR0).addCoprocessor(ArmCpRegister.CONTEXTIDR)
                .addCoprocessor(ArmCpRegister.TLBIALL).build(arena);
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

    UnicornContext snapshot() {
        return snapshot;
    }

    void useInternals(EngineInternals calibrated) {
        this.internals = calibrated;
        this.engineStruct = unicorn.handle().reinterpret(calibrated.instructionCounterOffset() + Long.BYTES);
    }

    /**
     * Loads {@code context}'s registers; with a non-null {@code space} also switches TTBR0 and
     * CONTEXTIDR to it and invalidates the TLB, which host writes never do by themselves (and
     * QEMU's TLB is not tagged by ASID).
     */
    void load(ArmCpuContext context, ArmAddressSpace space) {
        load.set(LOAD_CPSR, context.cpsrToLoad());
        for (int r = 0; r <= ArmCpuContext.LR; r++) {
            load.set(LOAD_R0 + r, context.register(r));
        }
        load.set(LOAD_TPIDRURO, context.threadPointer());
        if (space == null) {
            unicorn.write(load, LOAD_REGISTERS_ONLY);
            return;
        }
        load.set(LOAD_TTBR0, (int) space.l1Table());
        load.set(LOAD_CONTEXTIDR, space.asid());
        unicorn.write(load, LOAD_WITH_TRANSLATION);
    }

    /** Switches translation off to no space at all (TTBR0 = 0) and forgets every cached translation. */
    void unloadTranslation() {
        unicorn.writeCoprocessor(ArmCpRegister.TTBR0, 0);
        unicorn.writeCoprocessor(ArmCpRegister.CONTEXTIDR, 0);
        unicorn.writeCoprocessor(ArmCpRegister.TLBIALL, 0);
    }

    /**
     * Runs from {@code address} (bit 0 = Thumb) for at most {@code instructions} and returns
     * {@code uc_emu_start}'s error code; {@link #pendingException()} says what the hook saw.
     */
    int emulate(int address, long instructions) {
        pendingException = ArmException.NONE;
        return unicorn.emulate(Integer.toUnsignedLong(address), 0, 0, instructions);
    }

    /** The exception number the interrupt hook took during the last run, or {@link ArmException#NONE}. */
    int pendingException() {
        return pendingException;
    }

    /** Instructions the count hook saw start during the last run. */
    long startedInstructions() {
        return engineStruct.get(ValueLayout.JAVA_LONG, internals.instructionCounterOffset());
    }

    /** Reads the registers back into {@code context}. */
    void saveInto(ArmCpuContext context) {
        unicorn.read(save, ArmCpuContext.REGISTER_COUNT);
        for (int i = 0; i < ArmCpuContext.REGISTER_COUNT; i++) {
            saved[i] = save.get(i);
        }
        context.saveFromCpu(saved);
    }

    /**
     * Runs inside uc_emu_start. Records the exception and stops; it must not write PC (that
     * makes Unicorn resume there and cancels the stop). Aborts save the CPU state now, while
     * QEMU's exception record holds this fault.
     */
    @Override
    public void onInterrupt(int number) {
        pendingException = number;
        if (number == ArmException.DATA_ABORT || number == ArmException.PREFETCH_ABORT) {
            snapshot.save();
        }
        unicorn.stop();
    }

    int faultAddress() {
        return (int) snapshot.bytes().get(ValueLayout.JAVA_LONG_UNALIGNED, internals.faultAddressOffset());
    }

    int faultStatus() {
        return snapshot.bytes().get(ValueLayout.JAVA_INT_UNALIGNED, internals.faultStatusOffset());
    }

    /**
     * After {@code UC_ERR_INSN_INVALID}: true when an undefined-instruction exception was
     * raised, false when a YIELD/WFE hint stopped the run after completing. Every undefined
     * instruction seen re-poisons the record so the next hint cannot be mistaken for one.
     */
    boolean undefinedInstructionRaised() {
        snapshot.save();
        int syndrome = snapshot.bytes().get(ValueLayout.JAVA_INT_UNALIGNED, internals.syndromeOffset());
        if (!ExceptionSyndrome.isUndefinedInstruction(syndrome)) {
            return false;
        }
        poisonSyndrome();
        return true;
    }

    /** Overwrites QEMU's recorded syndrome with a value no exception produces. */
    void poisonSyndrome() {
        snapshot.save();
        snapshot.bytes().set(ValueLayout.JAVA_INT_UNALIGNED, internals.syndromeOffset(), ExceptionSyndrome.POISON);
        snapshot.restore();
    }

    /**
     * Drops code translated from physical {@code [address, address + length)}: host writes do
     * not invalidate it (nor, in 2.0.1, do writes through uc_mem_write), so a freed frame
     * reused for new code at the same virtual address would run the old translation. Unicorn
     * only removes translations by virtual address, so the MMU goes off for the call, making
     * virtual equal physical, and the TLB entries made meanwhile are flushed.
     */
    void discardTranslations(long address, long length) {
        int sctlr = unicorn.readCoprocessor(ArmCpRegister.SCTLR);
        unicorn.writeCoprocessor(ArmCpRegister.SCTLR, sctlr & ~SCTLR_MMU_ENABLE);
        try {
            unicorn.removeTranslationBlocks(address, address + length);
        } finally {
            unicorn.writeCoprocessor(ArmCpRegister.SCTLR, sctlr);
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
