package org.l4emu.emulator.x86;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.engine.CounterCalibration;
import org.l4emu.emulator.engine.CounterOffsets;
import org.l4emu.emulator.engine.InstructionCounter;
import org.l4emu.emulator.unicorn.InterruptHook;
import org.l4emu.emulator.unicorn.InvalidMemoryHook;
import org.l4emu.emulator.unicorn.RegisterBatch;
import org.l4emu.emulator.unicorn.UcArch;
import org.l4emu.emulator.unicorn.UcMode;
import org.l4emu.emulator.unicorn.UcProt;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.UnicornContext;
import org.l4emu.emulator.unicorn.X86Register;

/**
 * One IA-32 CPU on its own Unicorn engine, holding exactly one address space: its user pages are
 * the engine's memory regions (see {@link RegionMap}), mapped straight onto the host memory of
 * their physical frames, so that frames shared between spaces are one memory. Paging stays off (Unicorn 2.0.1's page
 * walk uses the virtual address as the physical one, so page tables could not give two spaces
 * different memory at one address anyway); region permissions give the access rights, and
 * Unicorn reports a forbidden or unmapped access precisely, with its type, to the
 * invalid-memory hook.
 *
 * <p>The CPU runs user code in ring 3 from set-up on (see {@link UserModeEntry}); system calls
 * and exceptions come to the interrupt hook without being delivered, so it never leaves ring 3.
 * QEMU remembers the last exception it raised to detect double faults, and as the hook takes
 * the place of delivery nothing clears that memory: a second #GP would become a #DF and a third
 * a triple fault. So after any exception the CPU state is restored from a snapshot taken right
 * after set-up ({@link #forgetException()}).
 */
final class X86Cpu implements InterruptHook, InvalidMemoryHook, AutoCloseable {
    private static final int LOAD_GENERAL_COUNT = X86CpuContext.EFLAGS + 1;
    private static final int SEGMENT_COUNT = X86CpuContext.REGISTER_COUNT - X86CpuContext.DS;
    private static final X86Register[] GENERAL = {
        X86Register.EAX, X86Register.EBX, X86Register.ECX, X86Register.EDX, X86Register.ESI, X86Register.EDI,
        X86Register.EBP, X86Register.ESP, X86Register.EFLAGS,
    };
    private static final X86Register[] SEGMENTS = {
        X86Register.DS, X86Register.ES, X86Register.FS, X86Register.GS, X86Register.SS,
    };

    private final Unicorn unicorn;
    private final Arena arena;
    /** Host memory of {@link KernelLayout#KERNEL_PAGE}: the GDT and the thread-pointer word. */
    private final MemorySegment kernelPage;
    /** eax..esp, eflags: the context's first registers, in its order. */
    private final RegisterBatch loadGeneral;
    /** One single-register batch per segment selector: those are written only when they differ. */
    private final RegisterBatch[] loadSegment = new RegisterBatch[SEGMENT_COUNT];
    /** Every register of a context, in its order. */
    private final RegisterBatch save;
    private final int[] saved = new int[X86CpuContext.REGISTER_COUNT];
    /** The selectors the CPU holds, so that switching threads rarely reloads a segment. */
    private final int[] heldSegments = new int[SEGMENT_COUNT];
    private final UnicornContext afterSetUp;
    private final CounterOffsets counterOffsets;
    private final InstructionCounter counter;
    private X86CpuContext loaded;
    private int pendingVector = X86Vector.NONE;
    private boolean faultPending;
    private int faultType;
    private long faultAddress;

    /**
     * Opens an engine and enters ring 3. {@code knownCounter} is the instruction counter's
     * place from an engine calibrated before, or null to calibrate on this one.
     */
    X86Cpu(CounterOffsets knownCounter) {
        unicorn = Unicorn.open(UcArch.X86, UcMode.X86_32);
        arena = Arena.ofShared();
        try {
            kernelPage = arena.allocate(KernelLayout.PAGE_SIZE, KernelLayout.PAGE_SIZE);
            GlobalDescriptorTable.writeInto(kernelPage);
            unicorn.mapMemory(KernelLayout.KERNEL_PAGE, KernelLayout.PAGE_SIZE, UcProt.READ, kernelPage);
            UserModeEntry.enter(unicorn);
            unicorn.addInterruptHook(this);
            unicorn.addInvalidMemoryHook(this);
            loadGeneral = batch(GENERAL);
            for (int i = 0; i < SEGMENT_COUNT; i++) {
                loadSegment[i] = batch(SEGMENTS[i]);
                heldSegments[i] = unicorn.readRegister(SEGMENTS[i]);
            }
            save = saveBatch();
            counterOffsets = knownCounter != null ? knownCounter
                    : CounterCalibration.find(unicorn, new X86CounterProbe(this));
            counter = new InstructionCounter(unicorn, counterOffsets);
            UserModeEntry.leave(unicorn);
            afterSetUp = unicorn.allocateContext();
            afterSetUp.save();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private RegisterBatch batch(X86Register... registers) {
        RegisterBatch.Builder builder = RegisterBatch.builder();
        for (X86Register register : registers) {
            builder.add(register);
        }
        return builder.build(arena);
    }

    private RegisterBatch saveBatch() {
        RegisterBatch.Builder builder = RegisterBatch.builder();
        for (X86Register register : GENERAL) {
            builder.add(register);
        }
        builder.add(X86Register.EIP);
        for (X86Register register : SEGMENTS) {
            builder.add(register);
        }
        RegisterBatch batch = builder.build(arena);
        if (batch.size() != X86CpuContext.REGISTER_COUNT) {
            throw new AssertionError("save batch layout");
        }
        return batch;
    }

    CounterOffsets counterOffsets() {
        return counterOffsets;
    }

    Unicorn unicorn() {
        return unicorn;
    }

    /** Makes the CPU run {@code context}: its thread pointer, then whatever registers differ from what the CPU holds. */
    void prepare(X86CpuContext context) {
        kernelPage.set(ValueLayout.JAVA_INT, KernelLayout.THREAD_POINTER_WORD - KernelLayout.KERNEL_PAGE,
                context.threadPointer());
        int changed = loaded == context ? context.changedSince(this) : (1 << X86CpuContext.REGISTER_COUNT) - 1;
        int general = changed & (1 << LOAD_GENERAL_COUNT) - 1;
        if (general != 0) {
            int first = Integer.numberOfTrailingZeros(general);
            int last = 31 - Integer.numberOfLeadingZeros(general);
            for (int index = first; index <= last; index++) {
                loadGeneral.set(index, index == X86CpuContext.EFLAGS ? context.eflagsToLoad() : context.register(index));
            }
            unicorn.write(loadGeneral, first, last - first + 1);
        }
        for (int i = 0; i < SEGMENT_COUNT; i++) {
            int selector = context.register(X86CpuContext.DS + i);
            if (selector != heldSegments[i]) {
                loadSegment[i].set(0, selector);
                unicorn.write(loadSegment[i], 1);
                heldSegments[i] = selector;
            }
        }
        loaded = context;
    }

    /**
     * Runs from {@code address} for at most {@code instructions} and returns {@code uc_emu_start}'s
     * error code; {@link #pendingVector()} and {@link #faultPending()} say what the hooks saw.
     */
    int emulate(int address, long instructions) {
        pendingVector = X86Vector.NONE;
        faultPending = false;
        return unicorn.emulate(Integer.toUnsignedLong(address), NO_END_ADDRESS, 0, instructions);
    }

    /**
     * The end address given to {@code uc_emu_start}, which stops when it reaches it: above 32
     * bits, so that no guest instruction is ever there (0 would stop a thread at address 0
     * before it ran anything). As main's engine work has it.
     */
    private static final long NO_END_ADDRESS = 1L << 32;

    /** The vector the interrupt hook took during the last run, or {@link X86Vector#NONE}. */
    int pendingVector() {
        return pendingVector;
    }

    /** True when the last run stopped at an access the invalid-memory hook refused. */
    boolean faultPending() {
        return faultPending;
    }

    /** The {@code UcMemType} of the refused access. */
    int faultType() {
        return faultType;
    }

    int faultAddress() {
        return (int) faultAddress;
    }

    /** Instructions the count hook saw start during the last run. */
    long startedInstructions() {
        return counter.started();
    }

    /** Inside a hook: the count hook stops the CPU before the next instruction. */
    void stopBeforeNextInstruction() {
        counter.stopBeforeNext();
    }

    /** Reads the registers back into {@code context}, which the CPU now holds. */
    void saveInto(X86CpuContext context) {
        unicorn.read(save, X86CpuContext.REGISTER_COUNT);
        for (int i = 0; i < X86CpuContext.REGISTER_COUNT; i++) {
            saved[i] = save.get(i);
        }
        for (int i = 0; i < SEGMENT_COUNT; i++) {
            heldSegments[i] = saved[X86CpuContext.DS + i];
        }
        context.saveFromCpu(this, saved);
        loaded = context;
    }

    /**
     * Restores the state after set-up, which clears QEMU's memory of the last exception. The
     * registers it also restores belong to no thread, so the next {@link #prepare} loads all.
     */
    void forgetException() {
        afterSetUp.restore();
        for (int i = 0; i < SEGMENT_COUNT; i++) {
            heldSegments[i] = unicorn.readRegister(SEGMENTS[i]);
        }
        loaded = null;
    }

    /** Maps user memory {@code [address, address + size)} onto {@code host}. */
    void mapRange(long address, long size, MemorySegment host, int protection) {
        unicorn.mapMemory(address, size, protection, host);
    }

    /** Changes the protection of mapped user memory; Unicorn splits the regions it cuts. */
    void protectRange(long address, long size, int protection) {
        unicorn.protectMemory(address, size, protection);
    }

    /** Unmaps user memory; Unicorn splits the regions it cuts. */
    void unmapRange(long address, long size) {
        unicorn.unmapMemory(address, size);
    }

    /** Drops code translated from mapped, executable {@code [address, address + length)}. */
    void discardTranslations(long address, long length) {
        unicorn.removeTranslationBlocks(address, address + length);
    }

    /** Records the exception and stops; it must not write EIP (that cancels the stop). */
    @Override
    public void onInterrupt(int number) {
        pendingVector = number;
        unicorn.stop();
    }

    /** Records the first refused access (an access straddling two pages can report both halves) and stops. */
    @Override
    public boolean onInvalidAccess(int type, long address, int size) {
        if (!faultPending) {
            faultPending = true;
            faultType = type;
            faultAddress = address;
        }
        return false;
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
