package org.l4emu.emulator.x86;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.l4emu.emulator.engine.CodeHookCounter;
import org.l4emu.emulator.engine.InstructionCounting;
import org.l4emu.emulator.unicorn.InterruptHook;
import org.l4emu.emulator.unicorn.UcProt;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.UnicornContext;

/**
 * One IA-32 CPU on its own Unicorn engine, holding exactly one address space (the design for
 * engines whose page walk does not translate, see {@link PooledMachine}): its user pages are
 * the engine's memory regions (see {@link RegionMap}), mapped straight onto the host memory of
 * their physical frames, so that frames shared between spaces are one memory. Paging stays
 * off; region permissions give the access rights, and Unicorn reports a forbidden or unmapped
 * access precisely, with its type, to the invalid-memory hook.
 *
 * <p>The CPU runs user code in ring 3 from set-up on (see {@link UserModeEntry}); system calls
 * and exceptions come to the interrupt hook without being delivered, so it never leaves ring 3.
 * QEMU remembers the last exception it raised to detect double faults, and as the hook takes
 * the place of delivery nothing clears that memory: a second #GP would become a #DF and a third
 * a triple fault. So after any exception the CPU state is restored from a snapshot taken right
 * after set-up ({@link #forgetException()}).
 */
final class PooledCpu implements InterruptHook, X86CounterProbe.ProbedCpu, AutoCloseable {
    private final Unicorn unicorn;
    private final Arena arena;
    /** Host memory of {@link KernelLayout#KERNEL_PAGE}: the GDT and the thread-pointer word. */
    private final MemorySegment kernelPage;
    private final X86Registers registers;
    private final UnicornContext afterSetUp;
    private final X86Counting countingFound;
    private InstructionCounting counting;
    private final StopRecord stop;

    /**
     * Opens an engine and enters ring 3. {@code knownCounting} is how the pool's first engine
     * decided to count, or null to decide on this one.
     */
    PooledCpu(X86Counting knownCounting) {
        unicorn = X86Engine.open();
        stop = new StopRecord(unicorn);
        arena = Arena.ofShared();
        try {
            kernelPage = arena.allocate(KernelLayout.PAGE_SIZE, KernelLayout.PAGE_SIZE);
            GlobalDescriptorTable.writeInto(kernelPage);
            unicorn.mapMemory(KernelLayout.KERNEL_PAGE, KernelLayout.PAGE_SIZE, UcProt.READ, kernelPage);
            unicorn.mapMemory(KernelLayout.ENTRY_PAGE, KernelLayout.PAGE_SIZE, UcProt.ALL);
            UserModeEntry.enter(unicorn, UserModeEntry.Paging.OFF);
            installHooks();
            registers = new X86Registers(unicorn, arena);
            CodeHookCounter publicCounter = new CodeHookCounter(unicorn::stop);
            long codeHook = unicorn.addCodeHook(publicCounter);
            // The probe may have been translated, without the hook, as the entry stub ran.
            UserModeEntry.dropTranslations(unicorn);
            counting = publicCounter;
            countingFound = knownCounting != null ? knownCounting : X86Counting.decide(this, publicCounter);
            counting = countingFound.counterOn(unicorn, publicCounter, codeHook);
            UserModeEntry.dropTranslations(unicorn);
            unicorn.unmapMemory(KernelLayout.ENTRY_PAGE, KernelLayout.PAGE_SIZE);
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

    /** How this engine counts, as decided on the pool's first. */
    X86Counting countingFound() {
        return countingFound;
    }

    /** How this engine counts instructions. */
    InstructionCounting counting() {
        return counting;
    }

    @Override
    public Unicorn unicorn() {
        return unicorn;
    }

    /** Makes the CPU run {@code context}: its thread pointer, then whatever registers differ from what the CPU holds. */
    void prepare(X86CpuContext context) {
        kernelPage.set(ValueLayout.JAVA_INT, KernelLayout.THREAD_POINTER_WORD - KernelLayout.KERNEL_PAGE,
                context.threadPointer());
        registers.load(context);
    }

    @Override
    public int emulate(int address, long instructions) {
        stop.clear();
        counting.runStarting(instructions);
        return unicorn.emulate(Integer.toUnsignedLong(address), KernelLayout.NO_END_ADDRESS, 0, instructions);
    }

    @Override
    public int pendingVector() {
        return stop.vector();
    }

    /** What stopped the last run. */
    StopRecord stop() {
        return stop;
    }

    /** Reads the registers back into {@code context}, which the CPU now holds. */
    void saveInto(X86CpuContext context) {
        registers.save(context);
    }

    /**
     * Restores the state after set-up, which clears QEMU's memory of the last exception. The
     * registers it also restores belong to no thread, so the next {@link #prepare} loads all.
     */
    void forgetException() {
        afterSetUp.restore();
        registers.forget();
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
        stop.interrupted(number);
        unicorn.stop();
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
