package org.l4emu.emulator.unicorn;

import static org.l4emu.emulator.unicorn.UnicornNative.check;
import static org.l4emu.emulator.NativeShape.unchecked;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.l4emu.emulator.EmulatorUnavailableException;

/**
 * One open Unicorn 2 engine ({@code uc_engine *}). Every failing call throws
 * {@link UnicornException}. Not thread safe.
 */
@SuppressWarnings("restricted") // native pointers and upcalls are this class's job
public final class Unicorn implements AutoCloseable {
    private static final int REQUIRED_MAJOR_VERSION = 2;
    /** {@code UC_X86_INS_CPUID} of {@code uc_x86_insn} (unicorn/x86.h). */
    private static final int X86_INS_CPUID = 113;
    /** Owns the buffers: they must live exactly as long as the engine. */
    private final Arena arena;
    private final MemorySegment handle;
    private final MemorySegment scratch;
    private final List<UnicornContext> contexts = new ArrayList<>();
    /** The {@link HookSlots} number of each hook object, however often it is added: kept until the engine closes. */
    private final Map<Object, Long> hookNumbers = new IdentityHashMap<>();
    private Throwable hookFailure;
    private boolean closed;

    private Unicorn(Arena arena, MemorySegment handle) {
        this.arena = arena;
        this.handle = handle;
        this.scratch = arena.allocate(ArmCpRegister.LAYOUT);
    }

    /**
     * Opens an engine.
     *
     * @throws org.l4emu.emulator.EmulatorUnavailableException when libunicorn 2 is not installed
     */
    public static Unicorn open(UcArch arch, UcMode mode) {
        UnicornLibrary.requireAvailable();
        requireVersion();
        Arena arena = Arena.ofShared();
        try {
            MemorySegment result = arena.allocate(ValueLayout.ADDRESS);
            check((long) UnicornNative.OPEN.invokeExact((long) arch.value(), (long) mode.value(), result.address(), 0L, 0L, 0L), "uc_open");
            return new Unicorn(arena, result.get(ValueLayout.ADDRESS, 0));
        } catch (Throwable t) {
            arena.close();
            throw unchecked(t);
        }
    }

    private static void requireVersion() {
        EngineVersion found = version();
        if (found.major() != REQUIRED_MAJOR_VERSION) {
            throw new EmulatorUnavailableException(UnicornLibrary.configuredName() + " is version " + found.number()
                    + ", l4emu needs Unicorn 2: install libunicorn2");
        }
    }

    /**
     * The version of the library in use ({@code uc_version}).
     *
     * @throws EmulatorUnavailableException when no library can be loaded
     */
    public static EngineVersion version() {
        UnicornLibrary.requireAvailable();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment major = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment minor = arena.allocate(ValueLayout.JAVA_INT);
            return EngineVersion.fromPacked((int) (long) UnicornNative.Version.HANDLE.invokeExact(major.address(),
                    minor.address(), 0L, 0L, 0L, 0L));
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** The engine pointer, after checking that it still points at an open engine. */
    private long engine() {
        if (closed) {
            throw new IllegalStateException("Unicorn engine already closed");
        }
        return handle.address();
    }

    /** Where {@code segment} is in host memory: Unicorn can only be given native memory. */
    private static long nativeAddress(MemorySegment segment) {
        if (!segment.isNative()) {
            throw new IllegalArgumentException("Unicorn needs native memory, not " + segment);
        }
        return segment.address();
    }

    /** The text {@code uc_strerror} gives for an error code. */
    public static String describe(int code) {
        UnicornLibrary.requireAvailable();
        return UnicornNative.describe(code);
    }

    /**
     * The {@code uc_engine *} itself, sized 0. Only for reading engine internals whose offsets
     * were calibrated (see the arm package).
     */
    public MemorySegment handle() {
        return handle;
    }

    /** The {@code uc_errno} of the last failed call. */
    public int errno() {
        try {
            return (int) (long) UnicornNative.ERRNO.invokeExact(engine(), 0L, 0L, 0L, 0L, 0L);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Selects the CPU model; only before the first call that needs the CPU. */
    public void setCpuModel(ArmCpuModel model) {
        setCpuModel(model.value());
    }

    /** Selects the CPU model; only before the first call that needs the CPU. */
    public void setCpuModel(X86CpuModel model) {
        setCpuModel(model.value());
    }

    private void setCpuModel(int model) {
        try {
            check((long) UnicornNative.Ctl.HANDLE.invokeExact(engine(), (long) UcControl.WRITE_CPU_MODEL,
                    (long) model, 0L, 0L, 0L, 0L),
                    "uc_ctl(CPU_MODEL)");
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /**
     * Drops every translated block (QEMU's {@code tb_flush}). Beware: in 2.0.1 this touches the
     * whole translation buffer, committing about 1 GiB of host memory and taking 15 ms to
     * seconds; {@link #removeTranslationBlocks} is the cheap way.
     */
    public void flushTranslationBlocks() {
        try {
            check((long) UnicornNative.Ctl.HANDLE.invokeExact(engine(), (long) UcControl.WRITE_TB_FLUSH, 0L, 0L, 0L, 0L, 0L), "uc_ctl(TB_FLUSH)");
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /**
     * Drops every TLB entry (and the CPU's cache of blocks by virtual address), as an address
     * space switch needs. Unicorn 2.1 and later; 2.0.1 answers with an error.
     */
    public void flushTlb() {
        try {
            check((long) UnicornNative.Ctl.HANDLE.invokeExact(engine(), (long) UcControl.WRITE_TLB_FLUSH, 0L, 0L, 0L, 0L, 0L), "uc_ctl(TLB_FLUSH)");
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /**
     * Drops the blocks translated from the code at {@code [start, end)}. Unicorn takes these as
     * virtual addresses and translates the first through the current MMU state.
     */
    public void removeTranslationBlocks(long start, long end) {
        try {
            check((long) UnicornNative.Ctl.HANDLE.invokeExact(engine(), (long) UcControl.WRITE_TB_REMOVE_CACHE,
                    start, end, 0L, 0L, 0L), "uc_ctl(TB_REMOVE_CACHE)");
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Maps host memory {@code host} (at least {@code size} bytes, page aligned) as guest physical memory. */
    public void mapMemory(long address, long size, int protection, MemorySegment host) {
        if (host.byteSize() < size) {
            throw new IllegalArgumentException("host segment of " + host.byteSize() + " bytes cannot back " + size);
        }
        try {
            check((long) UnicornNative.MEM_MAP_PTR.invokeExact(engine(), address, size, (long) protection,
                    nativeAddress(host), 0L),
                    "uc_mem_map_ptr", address, size);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Maps {@code size} bytes of memory that Unicorn allocates itself. */
    public void mapMemory(long address, long size, int protection) {
        try {
            check((long) UnicornNative.MemMap.HANDLE.invokeExact(engine(), address, size, (long) protection, 0L, 0L),
                    "uc_mem_map", address, size);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Removes the mapping of {@code [address, address + size)} (page aligned); Unicorn splits regions as needed. */
    public void unmapMemory(long address, long size) {
        try {
            check((long) UnicornNative.MemUnmap.HANDLE.invokeExact(engine(), address, size, 0L, 0L, 0L),
                    "uc_mem_unmap", address, size);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Sets the {@link UcProt} bits of mapped {@code [address, address + size)} (page aligned). */
    public void protectMemory(long address, long size, int protection) {
        try {
            check((long) UnicornNative.MemProtect.HANDLE.invokeExact(engine(), address, size, (long) protection, 0L, 0L),
                    "uc_mem_protect", address, size);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Writes through Unicorn, which invalidates translated code in the range (unlike direct host writes). */
    public void writeMemory(long address, byte[] data) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment buffer = call.allocateFrom(ValueLayout.JAVA_BYTE, data);
            check((long) UnicornNative.MemWrite.HANDLE.invokeExact(engine(), address, buffer.address(), (long) data.length, 0L, 0L),
                    "uc_mem_write", address, data.length);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Like {@link #writeMemory(long, byte[])} from native memory, without copying. */
    public void writeMemory(long address, MemorySegment source) {
        try {
            check((long) UnicornNative.MemWrite.HANDLE.invokeExact(engine(), address, nativeAddress(source),
                    source.byteSize(), 0L, 0L),
                    "uc_mem_write", address, source.byteSize());
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    public byte[] readMemory(long address, int length) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment buffer = call.allocate(length);
            check((long) UnicornNative.MemRead.HANDLE.invokeExact(engine(), address, buffer.address(), (long) length, 0L, 0L),
                    "uc_mem_read", address, length);
            return buffer.toArray(ValueLayout.JAVA_BYTE);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Reads a 32-bit register. */
    public int readRegister(EngineRegister register) {
        scratch.set(ValueLayout.JAVA_LONG, 0, 0L);
        try {
            check((long) UnicornNative.REG_READ.invokeExact(engine(), (long) register.id(), scratch.address(), 0L, 0L, 0L), "uc_reg_read", register);
        } catch (Throwable t) {
            throw unchecked(t);
        }
        return scratch.get(ValueLayout.JAVA_INT, 0);
    }

    /** Writes a 32-bit register. */
    public void writeRegister(EngineRegister register, int value) {
        scratch.set(ValueLayout.JAVA_LONG, 0, Integer.toUnsignedLong(value));
        try {
            check((long) UnicornNative.REG_WRITE.invokeExact(engine(), (long) register.id(), scratch.address(), 0L, 0L, 0L), "uc_reg_write", register);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Writes an x86 descriptor table register (GDTR or IDTR): its linear base and limit. */
    public void writeDescriptorTable(X86Register register, long base, int limit) {
        if (register != X86Register.GDTR && register != X86Register.IDTR && register != X86Register.TR) {
            throw new IllegalArgumentException(register + " is not a descriptor table register");
        }
        X86DescriptorTable.describeIn(scratch, base, limit);
        try {
            check((long) UnicornNative.REG_WRITE.invokeExact(engine(), (long) register.id(), scratch.address(), 0L, 0L, 0L), "uc_reg_write", register);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Reads a coprocessor register's non-secure (or only) copy. */
    public int readCoprocessor(ArmCpRegister register) {
        return readCoprocessor(register, ArmCpRegister.Bank.NON_SECURE);
    }

    public int readCoprocessor(ArmCpRegister register, ArmCpRegister.Bank bank) {
        register.describeIn(scratch, bank);
        try {
            check((long) UnicornNative.REG_READ.invokeExact(engine(), (long) ArmRegister.CP_REG.id(), scratch.address(), 0L, 0L, 0L),
                    "uc_reg_read(" + register + ", " + bank + ")");
        } catch (Throwable t) {
            throw unchecked(t);
        }
        return (int) scratch.get(ValueLayout.JAVA_LONG, ArmCpRegister.VALUE_OFFSET);
    }

    /** Writes a coprocessor register's non-secure (or only) copy; operations (TLBIALL) take effect. */
    public void writeCoprocessor(ArmCpRegister register, int value) {
        writeCoprocessor(register, ArmCpRegister.Bank.NON_SECURE, value);
    }

    public void writeCoprocessor(ArmCpRegister register, ArmCpRegister.Bank bank, int value) {
        register.describeIn(scratch, bank);
        scratch.set(ValueLayout.JAVA_LONG, ArmCpRegister.VALUE_OFFSET, Integer.toUnsignedLong(value));
        try {
            check((long) UnicornNative.REG_WRITE.invokeExact(engine(), (long) ArmRegister.CP_REG.id(), scratch.address(), 0L, 0L, 0L),
                    "uc_reg_write(" + register + ", " + bank + ")");
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Reads the first {@code count} registers of {@code batch} into its buffers. */
    public void read(RegisterBatch batch, int count) {
        batch.checkRange(0, count);
        try {
            check((long) UnicornNative.REG_READ_BATCH.invokeExact(engine(), batch.idsAddress(0), batch.pointersAddress(0),
                    (long) count, 0L, 0L), "uc_reg_read_batch");
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Writes the first {@code count} registers of {@code batch} from its buffers, in order. */
    public void write(RegisterBatch batch, int count) {
        write(batch, 0, count);
    }

    /** Writes {@code count} registers of {@code batch} from index {@code from}, in order. */
    public void write(RegisterBatch batch, int from, int count) {
        batch.checkRange(from, count);
        try {
            check((long) UnicornNative.REG_WRITE_BATCH.invokeExact(engine(), batch.idsAddress(from),
                    batch.pointersAddress(from), (long) count, 0L, 0L), "uc_reg_write_batch");
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /**
     * Runs {@code uc_emu_start}. Returns its {@code uc_err} code rather than throwing, because
     * codes such as {@link UcError#INSN_INVALID} report what the guest did; the caller decides
     * which codes are failures. Rethrows whatever a hook threw during the run.
     */
    public int emulate(long begin, long until, long timeoutMicros, long instructionCount) {
        int code;
        try {
            code = (int) (long) UnicornNative.EMU_START.invokeExact(engine(), begin, until, timeoutMicros, instructionCount, 0L);
        } catch (Throwable t) {
            throw unchecked(t);
        }
        if (hookFailure != null) {
            Throwable failure = hookFailure;
            hookFailure = null;
            throw new IllegalStateException("a Unicorn hook failed", failure);
        }
        return code;
    }

    /** Asks the running emulation to stop; inside a hook it takes effect when the hook returns. */
    public void stop() {
        try {
            check((long) UnicornNative.EMU_STOP.invokeExact(engine(), 0L, 0L, 0L, 0L, 0L), "uc_emu_stop");
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Installs {@code hook} for every interrupt; returns the {@code uc_hook} handle. */
    public long addInterruptHook(InterruptHook hook) {
        return addHook(UcHookType.INTERRUPT.value(), HookStubs.Interrupt.STUB, hook, 1, 0, "uc_hook_add(INTR)");
    }

    /**
     * Installs {@code hook} for every data read and write; returns the {@code uc_hook} handle.
     * Costly while installed: every access then takes Unicorn's slow path.
     */
    public long addMemoryHook(MemoryHook hook) {
        return addHook(UcHookType.MEM_READ.value() | UcHookType.MEM_WRITE.value(), HookStubs.Memory.STUB, hook, 1, 0,
                "uc_hook_add(MEM_READ|WRITE)");
    }

    /**
     * Installs {@code hook} for every instruction; returns the {@code uc_hook} handle. Costly
     * (an upcall per instruction), and code translated before keeps running without it: flush
     * translations after adding it.
     */
    public long addCodeHook(CodeHook hook) {
        return addCodeHook(hook, 1, 0);
    }

    /** Installs {@code hook} for every access to unmapped or protected memory; returns the {@code uc_hook} handle. */
    public long addInvalidMemoryHook(InvalidMemoryHook hook) {
        return addHook(UcHookType.MEM_INVALID.value(), HookStubs.InvalidMemory.STUB, hook, 1, 0,
                "uc_hook_add(MEM_INVALID)");
    }

    /**
     * Installs {@code hook} for the instructions at {@code [begin, end]} (inclusive); returns the
     * {@code uc_hook} handle. Code translated before is not hooked until its translation is dropped.
     */
    public long addCodeHook(CodeHook hook, long begin, long end) {
        return addHook(UcHookType.CODE.value(), HookStubs.Code.STUB, hook, begin, end, "uc_hook_add(CODE)");
    }

    /**
     * Installs {@code hook} for the accesses of {@code type} ({@link UcHookType#MEM_READ} or
     * {@link UcHookType#MEM_WRITE}) to {@code [begin, end]} (inclusive); returns the handle.
     * Code translated before keeps its fast memory path until its translation is dropped.
     */
    public long addMemoryHook(MemoryHook hook, UcHookType type, long begin, long end) {
        if (type != UcHookType.MEM_READ && type != UcHookType.MEM_WRITE) {
            throw new IllegalArgumentException(type + " is not a memory access hook");
        }
        return addHook(type.value(), HookStubs.Memory.STUB, hook, begin, end, "uc_hook_add(" + type + ")");
    }

    /**
     * Installs {@code hook} for every x86 {@code cpuid} ({@code UC_HOOK_INSN}, {@code UC_X86_INS_CPUID});
     * returns the {@code uc_hook} handle.
     */
    public long addCpuidHook(CpuidHook hook) {
        return addInstructionHook(X86_INS_CPUID, HookStubs.Cpuid.STUB, hook, "uc_hook_add(INSN, CPUID)");
    }

    /** Installs {@code hook} for every x86 instruction of kind {@code instruction}; returns the {@code uc_hook} handle. */
    public long addInstructionHook(X86HookedInstruction instruction, InstructionHook hook) {
        MemorySegment stub = switch (instruction) {
            case IN -> HookStubs.PortIn.STUB;
            case OUT -> HookStubs.PortOut.STUB;
            case SYSCALL, SYSENTER -> HookStubs.FastCall.STUB;
        };
        return addInstructionHook(instruction.number(), stub, hook, "uc_hook_add(INSN, " + instruction + ")");
    }

    private long addInstructionHook(int instruction, MemorySegment stub, Object hook, String operation) {
        long engine = engine();
        long number = hookNumbers.computeIfAbsent(hook, h -> HookSlots.add(this, h));
        MemorySegment hookHandle = arena.allocate(ValueLayout.JAVA_LONG);
        try {
            check((long) UnicornNative.HookAddInstruction.HANDLE.invokeExact(engine, hookHandle.address(),
                    (long) UcHookType.INSN.value(), stub.address(), number, 1L, 0L, (long) instruction), operation);
        } catch (Throwable t) {
            throw unchecked(t);
        }
        return hookHandle.get(ValueLayout.JAVA_LONG, 0);
    }

    /** Adds {@code hook} through the upcall stub of its kind, its {@link HookSlots} number as the user data. */
    private long addHook(int type, MemorySegment stub, Object hook, long begin, long end, String operation) {
        long engine = engine();
        long number = hookNumbers.computeIfAbsent(hook, h -> HookSlots.add(this, h));
        MemorySegment hookHandle = arena.allocate(ValueLayout.JAVA_LONG);
        try {
            check((long) UnicornNative.HOOK_ADD.invokeExact(engine, hookHandle.address(), (long) type, stub.address(),
                    number, begin, end), operation);
        } catch (Throwable t) {
            throw unchecked(t);
        }
        return hookHandle.get(ValueLayout.JAVA_LONG, 0);
    }

    public void deleteHook(long hookHandle) {
        try {
            check((long) UnicornNative.HookDel.HANDLE.invokeExact(engine(), hookHandle, 0L, 0L, 0L, 0L), "uc_hook_del");
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    public UnicornContext allocateContext() {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment result = call.allocate(ValueLayout.ADDRESS);
            check((long) UnicornNative.ContextAlloc.HANDLE.invokeExact(engine(), result.address(), 0L, 0L, 0L, 0L), "uc_context_alloc");
            long size = (long) UnicornNative.ContextSize.HANDLE.invokeExact(engine(), 0L, 0L, 0L, 0L, 0L);
            UnicornContext context = new UnicornContext(this, result.get(ValueLayout.ADDRESS, 0), size);
            contexts.add(context);
            return context;
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    void saveContext(MemorySegment context) {
        try {
            check((long) UnicornNative.ContextSave.HANDLE.invokeExact(engine(), context.address(), 0L, 0L, 0L, 0L), "uc_context_save");
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    void restoreContext(MemorySegment context) {
        try {
            check((long) UnicornNative.ContextRestore.HANDLE.invokeExact(engine(), context.address(), 0L, 0L, 0L, 0L), "uc_context_restore");
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    void freeContext(MemorySegment context) {
        try {
            check((long) UnicornNative.ContextFree.HANDLE.invokeExact(context.address(), 0L, 0L, 0L, 0L, 0L), "uc_context_free");
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Closes the engine, frees its contexts, hook stubs and buffers. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (UnicornContext context : contexts) {
                context.free();
            }
            check((long) UnicornNative.CLOSE.invokeExact(handle.address(), 0L, 0L, 0L, 0L, 0L), "uc_close");
        } catch (Throwable t) {
            throw unchecked(t);
        } finally {
            arena.close();
            hookNumbers.values().forEach(HookSlots::remove);
        }
    }

    /** Upcall entry (one stub serves every engine): exceptions must not reach the native frames, so they stop the run instead. */
    static long dispatchInterrupt(long uc, long number, long hookNumber, long unused3, long unused4, long unused5) {
        HookSlots.Slot slot = HookSlots.get(hookNumber);
        try {
            ((InterruptHook) slot.hook()).onInterrupt((int) number);
        } catch (Throwable t) {
            slot.engine().failInHook(t);
        }
        return 0;
    }

    /** Upcall entry like {@link #dispatchInterrupt}. */
    static long dispatchCode(long uc, long address, long size, long hookNumber, long unused4, long unused5) {
        HookSlots.Slot slot = HookSlots.get(hookNumber);
        try {
            ((CodeHook) slot.hook()).onInstruction(address, (int) size);
        } catch (Throwable t) {
            slot.engine().failInHook(t);
        }
        return 0;
    }

    /** Upcall entry like {@link #dispatchInterrupt}; the C hook returns nothing, so its caller ignores the word returned. */
    static long dispatchMemory(long uc, long type, long address, long size, long value, long hookNumber) {
        HookSlots.Slot slot = HookSlots.get(hookNumber);
        try {
            ((MemoryHook) slot.hook()).onAccess((int) type, address, (int) size, value);
        } catch (Throwable t) {
            slot.engine().failInHook(t);
        }
        return 0;
    }

    /** Upcall entry like {@link #dispatchInterrupt}; the C hook returns an int, 1 to skip the CPU's own {@code cpuid}. */
    static long dispatchCpuid(long uc, long hookNumber, long unused2, long unused3, long unused4, long unused5) {
        HookSlots.Slot slot = HookSlots.get(hookNumber);
        try {
            return ((CpuidHook) slot.hook()).onCpuid() ? 1 : 0;
        } catch (Throwable t) {
            slot.engine().failInHook(t);
            return 1;
        }
    }

    /** Upcall entry for {@code in}: the hook number is the fourth word; the C hook returns the value read. */
    static long dispatchPortIn(long uc, long port, long size, long hookNumber, long unused4, long unused5) {
        return dispatchInstruction(hookNumber);
    }

    /** Upcall entry for {@code out}: the hook number is the fifth word; the C hook returns nothing. */
    static long dispatchPortOut(long uc, long port, long size, long value, long hookNumber, long unused5) {
        return dispatchInstruction(hookNumber);
    }

    /** Upcall entry for {@code syscall} and {@code sysenter}: the hook number is the second word; the C hook returns nothing. */
    static long dispatchFastCall(long uc, long hookNumber, long unused2, long unused3, long unused4, long unused5) {
        return dispatchInstruction(hookNumber);
    }

    private static long dispatchInstruction(long hookNumber) {
        HookSlots.Slot slot = HookSlots.get(hookNumber);
        try {
            ((InstructionHook) slot.hook()).onInstruction();
        } catch (Throwable t) {
            slot.engine().failInHook(t);
        }
        return 0;
    }

    /** Upcall entry like {@link #dispatchInterrupt}; a failing hook refuses the access, which stops the run too. */
    static long dispatchInvalidMemory(long uc, long type, long address, long size, long value, long hookNumber) {
        HookSlots.Slot slot = HookSlots.get(hookNumber);
        try {
            return ((InvalidMemoryHook) slot.hook()).onInvalidAccess((int) type, address, (int) size) ? 1 : 0;
        } catch (Throwable t) {
            slot.engine().failInHook(t);
            return 0;
        }
    }

    private void failInHook(Throwable t) {
        hookFailure = t;
        try {
            long ignored = (long) UnicornNative.EMU_STOP.invokeExact(handle.address(), 0L, 0L, 0L, 0L, 0L);
        } catch (Throwable stopFailure) {
            t.addSuppressed(stopFailure);
        }
    }
}
