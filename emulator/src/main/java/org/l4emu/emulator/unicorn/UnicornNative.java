package org.l4emu.emulator.unicorn;

import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Optional;
import org.l4emu.emulator.EmulatorUnavailableException;
import org.l4emu.emulator.NativeShape;
import org.l4emu.emulator.NativeWords;

/**
 * Downcall handles for the Unicorn C API. Load this class only after
 * {@link UnicornLibrary#requireAvailable()} succeeded.
 *
 * <p>Every function and hook is described in 64-bit words ({@link NativeWords}), its C type in a
 * comment: a function of fixed arity takes {@link NativeWords#WORDS} words, and its callers pass 0
 * for those beyond its C prototype. Every call but {@code uc_emu_start} is linked "critical": it
 * never calls back into Java, so it can skip the JVM's thread state transition (which matters on
 * the per-trap path), and one option for all keeps the number of distinct stubs down: all these
 * functions but the two variadic ones share one stub, and those two share another.
 */
@SuppressWarnings("restricted") // binding the C library is this class's job
final class UnicornNative {
    private static final Linker LINKER = Linker.nativeLinker();

    static final MethodHandle OPEN = downcall("uc_open"); // (uc_arch, uc_mode, uc_engine **)
    static final MethodHandle CLOSE = downcall("uc_close"); // (uc_engine *)
    static final MethodHandle ERRNO = downcall("uc_errno"); // (uc_engine *)
    static final MethodHandle STRERROR = downcall("uc_strerror"); // const char *(uc_err)
    // The register calls run on every trap; their buffers live as long as the engine.
    static final MethodHandle REG_READ = downcall("uc_reg_read"); // (uc, int regid, void *value)
    static final MethodHandle REG_WRITE = downcall("uc_reg_write"); // (uc, int regid, const void *value)
    /** (uc, int *regids, void **values, int count) */
    static final MethodHandle REG_READ_BATCH = downcall("uc_reg_read_batch");
    /** (uc, int *regids, void *const *values, int count) */
    static final MethodHandle REG_WRITE_BATCH = downcall("uc_reg_write_batch");
    /** (uc, uint64_t address, size_t size, uint32_t perms, void *ptr) */
    static final MethodHandle MEM_MAP_PTR = downcall("uc_mem_map_ptr");
    /** (uc, uint64_t begin, uint64_t until, uint64_t timeout, size_t count): runs the guest, and so the hooks. */
    static final MethodHandle EMU_START = downcallCallingBack("uc_emu_start");
    static final MethodHandle EMU_STOP = downcall("uc_emu_stop"); // (uc_engine *)
    /**
     * (uc, uc_hook *hh, int type, void *callback, void *user_data, uint64_t begin, uint64_t end, ...):
     * variadic (extra arguments for instruction hooks); l4emu passes none beyond {@code end}.
     */
    static final MethodHandle HOOK_ADD = variadic("uc_hook_add");

    // Calls a boot may never make, each linked on its first use: linking a downcall makes its
    // stub classes at run time, and a holder's constant is as fast as a field of this class once
    // it is made.
    static final class Version {
        static final MethodHandle HANDLE = downcall("uc_version"); // unsigned int (unsigned int *major, *minor)
    }

    static final class MemMap {
        static final MethodHandle HANDLE = downcall("uc_mem_map"); // (uc, uint64_t address, size_t size, uint32_t perms)
    }

    static final class MemUnmap {
        static final MethodHandle HANDLE = downcall("uc_mem_unmap"); // (uc, uint64_t address, size_t size)
    }

    static final class MemProtect {
        static final MethodHandle HANDLE = downcall("uc_mem_protect"); // (uc, uint64_t address, size_t size, uint32_t perms)
    }

    static final class MemRead {
        static final MethodHandle HANDLE = downcall("uc_mem_read"); // (uc, uint64_t address, void *bytes, size_t size)
    }

    static final class MemWrite {
        static final MethodHandle HANDLE = downcall("uc_mem_write"); // (uc, uint64_t address, const void *bytes, size_t size)
    }

    static final class HookDel {
        static final MethodHandle HANDLE = downcall("uc_hook_del"); // (uc, uc_hook hh)
    }

    static final class ContextAlloc {
        static final MethodHandle HANDLE = downcall("uc_context_alloc"); // (uc, uc_context **context)
    }

    static final class ContextSave {
        static final MethodHandle HANDLE = downcall("uc_context_save"); // (uc, uc_context *context)
    }

    static final class ContextRestore {
        static final MethodHandle HANDLE = downcall("uc_context_restore"); // (uc, uc_context *context)
    }

    static final class ContextSize {
        static final MethodHandle HANDLE = downcall("uc_context_size"); // size_t (uc)
    }

    static final class ContextFree {
        static final MethodHandle HANDLE = downcall("uc_context_free"); // (uc_context *context)
    }

    /**
     * uc_ctl is variadic, (uc, uc_control_type control, ...), and reads only the arguments its
     * control takes: callers pass {@link NativeWords#VARIADIC_WORDS} words, unused ones as 0.
     */
    /** {@code uc_hook_add} with the instruction an {@code UC_HOOK_INSN} hook is for, its one variadic argument l4emu passes. */
    static final class HookAddInstruction {
        static final MethodHandle HANDLE = link("uc_hook_add", NativeShape.VARIADIC_INSTRUCTION_HOOK);
    }

    static final class Ctl {
        static final MethodHandle HANDLE = variadic("uc_ctl");
    }

    private UnicornNative() {
    }

    static Linker linker() {
        return LINKER;
    }

    /** A call that never calls back into Java. */
    private static MethodHandle downcall(String name) {
        return link(name, NativeShape.FIXED);
    }

    /** A call during which Unicorn may call the hooks, which are Java upcalls. */
    private static MethodHandle downcallCallingBack(String name) {
        return link(name, NativeShape.CALLING_BACK);
    }

    /** A variadic function that never calls back into Java (see {@link NativeShape#VARIADIC}). */
    private static MethodHandle variadic(String name) {
        return link(name, NativeShape.VARIADIC);
    }

    /**
     * The function's handle; for a function the library lacks (it is no Unicorn 2), a handle that
     * throws {@link EmulatorUnavailableException} when called. Failing here instead would fail
     * the initialisation of a class, which no caller can turn into one line.
     */
    private static MethodHandle link(String name, NativeShape shape) {
        Optional<MemorySegment> symbol = UnicornLibrary.lookup().find(name);
        if (symbol.isPresent()) {
            return shape.link(symbol.get());
        }
        EmulatorUnavailableException missing = new EmulatorUnavailableException(UnicornLibrary.configuredName()
                + " has no " + name + ": it is no Unicorn 2 library (install libunicorn2, or check "
                + UnicornLibrary.LIBRARY_VARIABLE + ")");
        MethodHandle thrower = MethodHandles.throwException(long.class, EmulatorUnavailableException.class);
        return MethodHandles.dropArguments(MethodHandles.insertArguments(thrower, 0, missing), 0,
                shape.descriptor().toMethodType().parameterList());
    }


    /** The text {@code uc_strerror} gives for {@code code}. */
    static String describe(int code) {
        try {
            long text = (long) STRERROR.invokeExact((long) code, 0L, 0L, 0L, 0L, 0L);
            return MemorySegment.ofAddress(text).reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw NativeShape.unchecked(t);
        }
    }

    /** Turns a non-zero {@code uc_err} (the low 32 bits of {@code result}) into a {@link UnicornException}. */
    static void check(long result, String operation) {
        int code = (int) result;
        if (code != 0) {
            throw new UnicornException(operation, code, describe(code));
        }
    }

    /**
     * As {@link #check(long, String)} for a call on guest memory: named with its address and size
     * only when it failed (the memory calls are on the paths that map pages, where building the
     * name every time cost more than the call).
     */
    static void check(long result, String operation, long address, long size) {
        int code = (int) result;
        if (code != 0) {
            throw new UnicornException(operation + "(0x" + Long.toHexString(address) + ", 0x" + Long.toHexString(size) + ")",
                    code, describe(code));
        }
    }

    /** As {@link #check(long, String)} for a call on {@code register}, named only when it failed. */
    static void check(long result, String operation, Object register) {
        int code = (int) result;
        if (code != 0) {
            throw new UnicornException(operation + "(" + register + ")", code, describe(code));
        }
    }
}
