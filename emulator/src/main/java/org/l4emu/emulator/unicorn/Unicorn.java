package org.l4emu.emulator.unicorn;

import static org.l4emu.emulator.unicorn.UnicornNative.check;
import static org.l4emu.emulator.unicorn.UnicornNative.rethrow;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
    private static final MethodHandle INTERRUPT_UPCALL_TARGET = upcallTarget("dispatchInterrupt",
            MethodType.methodType(void.class, Unicorn.class, InterruptHook.class, long.class, int.class, long.class));
    private static final MethodHandle CODE_UPCALL_TARGET = upcallTarget("dispatchCode",
            MethodType.methodType(void.class, Unicorn.class, CodeHook.class, long.class, long.class, int.class,
                    long.class));
    private static final MethodHandle MEMORY_UPCALL_TARGET = upcallTarget("dispatchMemory",
            MethodType.methodType(void.class, Unicorn.class, MemoryHook.class, long.class, int.class, long.class,
                    int.class, long.class, long.class));
    private static final MethodHandle INVALID_MEMORY_UPCALL_TARGET = upcallTarget("dispatchInvalidMemory",
            MethodType.methodType(boolean.class, Unicorn.class, InvalidMemoryHook.class, MemorySegment.class,
                    int.class, long.class, int.class, long.class, MemorySegment.class));

    /** Owns the upcall stubs and buffers: they must live exactly as long as the engine. */
    private final Arena arena;
    private final MemorySegment handle;
    private final MemorySegment scratch;
    private final List<UnicornContext> contexts = new ArrayList<>();
    /** One upcall stub per hook object, however often it is added: stubs live as long as the engine. */
    private final Map<Object, MemorySegment> stubs = new IdentityHashMap<>();
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
            check((int) UnicornNative.OPEN.invokeExact(arch.value(), mode.value(), result), "uc_open");
            return new Unicorn(arena, result.get(ValueLayout.ADDRESS, 0));
        } catch (Throwable t) {
            arena.close();
            throw rethrow(t);
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
            return EngineVersion.fromPacked((int) UnicornNative.Version.HANDLE.invokeExact(major, minor));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The engine pointer, after checking that it still points at an open engine. */
    private MemorySegment engine() {
        if (closed) {
            throw new IllegalStateException("Unicorn engine already closed");
        }
        return handle;
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
            return (int) UnicornNative.ERRNO.invokeExact(engine());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Selects the CPU model; only before the first call that needs the CPU. */
    public void setCpuModel(ArmCpuModel model) {
        try {
            check((int) UnicornNative.CtlIntArgument.HANDLE.invokeExact(engine(), UcControl.WRITE_CPU_MODEL, model.value()),
                    "uc_ctl(CPU_MODEL)");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Drops every translated block (QEMU's {@code tb_flush}). Beware: in 2.0.1 this touches the
     * whole translation buffer, committing about 1 GiB of host memory and taking 15 ms to
     * seconds; {@link #removeTranslationBlocks} is the cheap way.
     */
    public void flushTranslationBlocks() {
        try {
            check((int) UnicornNative.CtlNoArgument.HANDLE.invokeExact(engine(), UcControl.WRITE_TB_FLUSH), "uc_ctl(TB_FLUSH)");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Drops every TLB entry (and the CPU's cache of blocks by virtual address), as an address
     * space switch needs. Unicorn 2.1 and later; 2.0.1 answers with an error.
     */
    public void flushTlb() {
        try {
            check((int) UnicornNative.CtlNoArgument.HANDLE.invokeExact(engine(), UcControl.WRITE_TLB_FLUSH), "uc_ctl(TLB_FLUSH)");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Drops the blocks translated from the code at {@code [start, end)}. Unicorn takes these as
     * virtual addresses and translates the first through the current MMU state.
     */
    public void removeTranslationBlocks(long start, long end) {
        try {
            check((int) UnicornNative.CtlTwoLongArguments.HANDLE.invokeExact(engine(), UcControl.WRITE_TB_REMOVE_CACHE, start,
                    end), "uc_ctl(TB_REMOVE_CACHE)");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Maps host memory {@code host} (at least {@code size} bytes, page aligned) as guest physical memory. */
    public void mapMemory(long address, long size, int protection, MemorySegment host) {
        if (host.byteSize() < size) {
            throw new IllegalArgumentException("host segment of " + host.byteSize() + " bytes cannot back " + size);
        }
        try {
            check((int) UnicornNative.MEM_MAP_PTR.invokeExact(engine(), address, size, protection, host),
                    "uc_mem_map_ptr(0x" + Long.toHexString(address) + ", 0x" + Long.toHexString(size) + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Maps {@code size} bytes of memory that Unicorn allocates itself. */
    public void mapMemory(long address, long size, int protection) {
        try {
            check((int) UnicornNative.MemMap.HANDLE.invokeExact(engine(), address, size, protection),
                    "uc_mem_map(0x" + Long.toHexString(address) + ", 0x" + Long.toHexString(size) + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Removes the mapping of {@code [address, address + size)} (page aligned); Unicorn splits regions as needed. */
    public void unmapMemory(long address, long size) {
        try {
            check((int) UnicornNative.MemUnmap.HANDLE.invokeExact(engine(), address, size),
                    "uc_mem_unmap(0x" + Long.toHexString(address) + ", 0x" + Long.toHexString(size) + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Sets the {@link UcProt} bits of mapped {@code [address, address + size)} (page aligned). */
    public void protectMemory(long address, long size, int protection) {
        try {
            check((int) UnicornNative.MemProtect.HANDLE.invokeExact(engine(), address, size, protection),
                    "uc_mem_protect(0x" + Long.toHexString(address) + ", 0x" + Long.toHexString(size) + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Writes through Unicorn, which invalidates translated code in the range (unlike direct host writes). */
    public void writeMemory(long address, byte[] data) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment buffer = call.allocateFrom(ValueLayout.JAVA_BYTE, data);
            check((int) UnicornNative.MemWrite.HANDLE.invokeExact(engine(), address, buffer, (long) data.length),
                    "uc_mem_write(0x" + Long.toHexString(address) + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Like {@link #writeMemory(long, byte[])} from native memory, without copying. */
    public void writeMemory(long address, MemorySegment source) {
        try {
            check((int) UnicornNative.MemWrite.HANDLE.invokeExact(engine(), address, source, source.byteSize()),
                    "uc_mem_write(0x" + Long.toHexString(address) + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public byte[] readMemory(long address, int length) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment buffer = call.allocate(length);
            check((int) UnicornNative.MemRead.HANDLE.invokeExact(engine(), address, buffer, (long) length),
                    "uc_mem_read(0x" + Long.toHexString(address) + ")");
            return buffer.toArray(ValueLayout.JAVA_BYTE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Reads a 32-bit register. */
    public int readRegister(EngineRegister register) {
        scratch.set(ValueLayout.JAVA_LONG, 0, 0L);
        try {
            check((int) UnicornNative.REG_READ.invokeExact(engine(), register.id(), scratch.address()), "uc_reg_read", register);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        return scratch.get(ValueLayout.JAVA_INT, 0);
    }

    /** Writes a 32-bit register. */
    public void writeRegister(EngineRegister register, int value) {
        scratch.set(ValueLayout.JAVA_LONG, 0, Integer.toUnsignedLong(value));
        try {
            check((int) UnicornNative.REG_WRITE.invokeExact(engine(), register.id(), scratch.address()), "uc_reg_write", register);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Writes an x86 descriptor table register (GDTR or IDTR): its linear base and limit. */
    public void writeDescriptorTable(X86Register register, long base, int limit) {
        if (register != X86Register.GDTR && register != X86Register.IDTR) {
            throw new IllegalArgumentException(register + " is not a descriptor table register");
        }
        X86DescriptorTable.describeIn(scratch, base, limit);
        try {
            check((int) UnicornNative.REG_WRITE.invokeExact(engine(), register.id(), scratch.address()), "uc_reg_write", register);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Reads a CP15 register's non-secure (or only) copy. */
    public int readCoprocessor(ArmCpRegister register) {
        return readCoprocessor(register, ArmCpRegister.Bank.NON_SECURE);
    }

    public int readCoprocessor(ArmCpRegister register, ArmCpRegister.Bank bank) {
        register.describeIn(scratch, bank);
        try {
            check((int) UnicornNative.REG_READ.invokeExact(engine(), ArmRegister.CP_REG.id(), scratch.address()),
                    "uc_reg_read(" + register + ", " + bank + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
        return (int) scratch.get(ValueLayout.JAVA_LONG, ArmCpRegister.VALUE_OFFSET);
    }

    /** Writes a CP15 register's non-secure (or only) copy; operations (TLBIALL) take effect. */
    public void writeCoprocessor(ArmCpRegister register, int value) {
        writeCoprocessor(register, ArmCpRegister.Bank.NON_SECURE, value);
    }

    public void writeCoprocessor(ArmCpRegister register, ArmCpRegister.Bank bank, int value) {
        register.describeIn(scratch, bank);
        scratch.set(ValueLayout.JAVA_LONG, ArmCpRegister.VALUE_OFFSET, Integer.toUnsignedLong(value));
        try {
            check((int) UnicornNative.REG_WRITE.invokeExact(engine(), ArmRegister.CP_REG.id(), scratch.address()),
                    "uc_reg_write(" + register + ", " + bank + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Reads the first {@code count} registers of {@code batch} into its buffers. */
    public void read(RegisterBatch batch, int count) {
        batch.checkRange(0, count);
        try {
            check((int) UnicornNative.REG_READ_BATCH.invokeExact(engine(), batch.idsAddress(0), batch.pointersAddress(0),
                    count), "uc_reg_read_batch");
        } catch (Throwable t) {
            throw rethrow(t);
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
            check((int) UnicornNative.REG_WRITE_BATCH.invokeExact(engine(), batch.idsAddress(from),
                    batch.pointersAddress(from), count), "uc_reg_write_batch");
        } catch (Throwable t) {
            throw rethrow(t);
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
            code = (int) UnicornNative.EMU_START.invokeExact(engine(), begin, until, timeoutMicros, instructionCount);
        } catch (Throwable t) {
            throw rethrow(t);
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
            check((int) UnicornNative.EMU_STOP.invokeExact(engine()), "uc_emu_stop");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Installs {@code hook} for every interrupt; returns the {@code uc_hook} handle. */
    public long addInterruptHook(InterruptHook hook) {
        MethodHandle target = MethodHandles.insertArguments(INTERRUPT_UPCALL_TARGET, 0, this, hook);
        MemorySegment stub = UnicornNative.linker().upcallStub(target, UnicornNative.INTERRUPT_CALLBACK, arena);
        return addHook(UcHookType.INTERRUPT, stub, "uc_hook_add(INTR)");
    }

    /**
     * Installs {@code hook} for every data read and write; returns the {@code uc_hook} handle.
     * Costly while installed: every access then takes Unicorn's slow path.
     */
    public long addMemoryHook(MemoryHook hook) {
        return addHook(UcHookType.MEM_READ.value() | UcHookType.MEM_WRITE.value(), memoryStub(hook), 1, 0,
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

    private long addHook(UcHookType type, MemorySegment stub, String operation) {
        return addHook(type.value(), stub, 1, 0, operation);
    }

    /** Installs {@code hook} for every access to unmapped or protected memory; returns the {@code uc_hook} handle. */
    public long addInvalidMemoryHook(InvalidMemoryHook hook) {
        MethodHandle target = MethodHandles.insertArguments(INVALID_MEMORY_UPCALL_TARGET, 0, this, hook);
        MemorySegment stub = UnicornNative.linker().upcallStub(target, UnicornNative.INVALID_MEMORY_CALLBACK, arena);
        return addHook(UcHookType.MEM_INVALID, stub, "uc_hook_add(MEM_INVALID)");
    }

    /**
     * Installs {@code hook} for the instructions at {@code [begin, end]} (inclusive); returns the
     * {@code uc_hook} handle. Code translated before is not hooked until its translation is dropped.
     */
    public long addCodeHook(CodeHook hook, long begin, long end) {
        MemorySegment stub = stubs.computeIfAbsent(hook, h -> UnicornNative.linker().upcallStub(
                MethodHandles.insertArguments(CODE_UPCALL_TARGET, 0, this, hook), UnicornNative.CODE_CALLBACK, arena));
        return addHook(UcHookType.CODE.value(), stub, begin, end, "uc_hook_add(CODE)");
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
        return addHook(type.value(), memoryStub(hook), begin, end, "uc_hook_add(" + type + ")");
    }

    /** Hooks of this kind come and go (a costly hook is installed only while needed): one stub per hook object. */
    private MemorySegment memoryStub(MemoryHook hook) {
        return stubs.computeIfAbsent(hook, h -> UnicornNative.linker().upcallStub(
                MethodHandles.insertArguments(MEMORY_UPCALL_TARGET, 0, this, hook), UnicornNative.MEMORY_CALLBACK,
                arena));
    }

    private long addHook(int type, MemorySegment stub, long begin, long end, String operation) {
        MemorySegment hookHandle = arena.allocate(ValueLayout.JAVA_LONG);
        try {
            check((int) UnicornNative.HOOK_ADD.invokeExact(engine(), hookHandle, type, stub, MemorySegment.NULL, begin,
                    end), operation);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        return hookHandle.get(ValueLayout.JAVA_LONG, 0);
    }

    public void deleteHook(long hookHandle) {
        try {
            check((int) UnicornNative.HookDel.HANDLE.invokeExact(engine(), hookHandle), "uc_hook_del");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public UnicornContext allocateContext() {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment result = call.allocate(ValueLayout.ADDRESS);
            check((int) UnicornNative.ContextAlloc.HANDLE.invokeExact(engine(), result), "uc_context_alloc");
            long size = (long) UnicornNative.ContextSize.HANDLE.invokeExact(engine());
            UnicornContext context = new UnicornContext(this, result.get(ValueLayout.ADDRESS, 0), size);
            contexts.add(context);
            return context;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void saveContext(MemorySegment context) {
        try {
            check((int) UnicornNative.ContextSave.HANDLE.invokeExact(engine(), context), "uc_context_save");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void restoreContext(MemorySegment context) {
        try {
            check((int) UnicornNative.ContextRestore.HANDLE.invokeExact(engine(), context), "uc_context_restore");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void freeContext(MemorySegment context) {
        try {
            check((int) UnicornNative.ContextFree.HANDLE.invokeExact(context), "uc_context_free");
        } catch (Throwable t) {
            throw rethrow(t);
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
            check((int) UnicornNative.CLOSE.invokeExact(handle), "uc_close");
        } catch (Throwable t) {
            throw rethrow(t);
        } finally {
            arena.close();
        }
    }

    /** Upcall entry: exceptions must not reach the native frames, so they stop the run instead. */
    private static void dispatchInterrupt(Unicorn engine, InterruptHook hook, long uc, int number, long userData) {
        try {
            hook.onInterrupt(number);
        } catch (Throwable t) {
            engine.failInHook(t);
        }
    }

    /** Upcall entry like {@link #dispatchInterrupt}. */
    private static void dispatchCode(Unicorn engine, CodeHook hook, long uc, long address, int size, long userData) {
        try {
            hook.onInstruction(address, size);
        } catch (Throwable t) {
            engine.failInHook(t);
        }
    }

    /** Upcall entry like {@link #dispatchInterrupt}. */
    private static void dispatchMemory(Unicorn engine, MemoryHook hook, long uc, int type, long address, int size,
            long value, long userData) {
        try {
            hook.onAccess(type, address, size, value);
        } catch (Throwable t) {
            engine.failInHook(t);
        }
    }

    /** Upcall entry like {@link #dispatchInterrupt}; a failing hook refuses the access, which stops the run too. */
    private static boolean dispatchInvalidMemory(Unicorn engine, InvalidMemoryHook hook, MemorySegment uc, int type,
            long address, int size, long value, MemorySegment userData) {
        try {
            return hook.onInvalidAccess(type, address, size);
        } catch (Throwable t) {
            engine.failInHook(t);
            return false;
        }
    }

    private void failInHook(Throwable t) {
        hookFailure = t;
        try {
            int ignored = (int) UnicornNative.EMU_STOP.invokeExact(handle);
        } catch (Throwable stopFailure) {
            t.addSuppressed(stopFailure);
        }
    }

    private static MethodHandle upcallTarget(String name, MethodType type) {
        try {
            return MethodHandles.lookup().findStatic(Unicorn.class, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
