package org.l4emu.emulator.unicorn;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.l4emu.emulator.EmulatorUnavailableException;

/**
 * Downcall handles for the Unicorn C API. Load this class only after
 * {@link UnicornLibrary#requireAvailable()} succeeded.
 *
 * <p>Calls that never call back into Java are linked "critical": they skip the JVM's thread
 * state transition, which matters on the per-trap path.
 */
@SuppressWarnings("restricted") // binding the C library is this class's job
final class UnicornNative {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    static final MethodHandle OPEN = downcall("uc_open", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    static final MethodHandle CLOSE = downcall("uc_close", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle ERRNO = downcall("uc_errno", FunctionDescriptor.of(JAVA_INT, ADDRESS), CRITICAL);
    static final MethodHandle STRERROR = downcall("uc_strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT), CRITICAL);
    // The register calls run on every trap. Their buffers are passed as raw addresses
    // (JAVA_LONG): they live as long as the engine, and passing them as segments would make each
    // call acquire and release their arena's session, which costs more than the call itself.
    static final MethodHandle REG_READ = downcall("uc_reg_read",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG), CRITICAL);
    static final MethodHandle REG_WRITE = downcall("uc_reg_write",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG), CRITICAL);
    static final MethodHandle REG_READ_BATCH = downcall("uc_reg_read_batch",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT), CRITICAL);
    static final MethodHandle REG_WRITE_BATCH = downcall("uc_reg_write_batch",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT), CRITICAL);
    static final MethodHandle MEM_MAP_PTR = downcall("uc_mem_map_ptr",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS));
    /** Not critical: the emulated code calls hooks, which are Java upcalls. */
    static final MethodHandle EMU_START = downcall("uc_emu_start",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    static final MethodHandle EMU_STOP = downcall("uc_emu_stop", FunctionDescriptor.of(JAVA_INT, ADDRESS), CRITICAL);
    /** uc_hook_add is variadic (extra arguments for instruction hooks); l4emu passes none. */
    static final MethodHandle HOOK_ADD = downcall("uc_hook_add",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(7));

    // Calls a boot may never make, each linked on its first use: linking a downcall makes its
    // stub classes at run time (a few milliseconds each, which the AOT cache cannot keep), and
    // a holder's constant is as fast as a field of this class once it is made.
    static final class Version {
        static final MethodHandle HANDLE = downcall("uc_version", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    static final class MemMap {
        static final MethodHandle HANDLE = downcall("uc_mem_map",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT));
    }

    static final class MemUnmap {
        static final MethodHandle HANDLE = downcall("uc_mem_unmap",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
    }

    static final class MemProtect {
        static final MethodHandle HANDLE = downcall("uc_mem_protect",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT));
    }

    static final class MemRead {
        static final MethodHandle HANDLE = downcall("uc_mem_read",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG));
    }

    static final class MemWrite {
        static final MethodHandle HANDLE = downcall("uc_mem_write",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG));
    }

    static final class HookDel {
        static final MethodHandle HANDLE = downcall("uc_hook_del", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    }

    static final class ContextAlloc {
        static final MethodHandle HANDLE = downcall("uc_context_alloc",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    static final class ContextSave {
        static final MethodHandle HANDLE = downcall("uc_context_save",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), CRITICAL);
    }

    static final class ContextRestore {
        static final MethodHandle HANDLE = downcall("uc_context_restore",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), CRITICAL);
    }

    static final class ContextSize {
        static final MethodHandle HANDLE = downcall("uc_context_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    }

    static final class ContextFree {
        static final MethodHandle HANDLE = downcall("uc_context_free", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    }

    /** uc_ctl is variadic; one handle per argument shape used. */
    static final class CtlNoArgument {
        static final MethodHandle HANDLE = downcall("uc_ctl",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), Linker.Option.firstVariadicArg(2));
    }

    static final class CtlIntArgument {
        static final MethodHandle HANDLE = downcall("uc_ctl",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    }

    static final class CtlTwoLongArguments {
        static final MethodHandle HANDLE = downcall("uc_ctl",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_LONG),
                Linker.Option.firstVariadicArg(2));
    }

    /** The C type of interrupt hook callbacks: {@code void (uc_engine *, uint32_t intno, void *user_data)}. */
    /** Its pointers are taken as raw addresses, which the hook never uses: an upcall then makes no segment objects. */
    static final FunctionDescriptor INTERRUPT_CALLBACK = FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_INT, JAVA_LONG);

    /** The C type of code hook callbacks: {@code void (uc_engine *, uint64_t address, uint32_t size, void *user_data)}. */
    static final FunctionDescriptor CODE_CALLBACK = FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG);

    /**
     * The C type of memory access hook callbacks: {@code void (uc_engine *, uc_mem_type type,
     * uint64_t address, int size, int64_t value, void *user_data)}.
     */
    static final FunctionDescriptor MEMORY_CALLBACK = FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_INT, JAVA_LONG,
            JAVA_INT, JAVA_LONG, JAVA_LONG);

    /**
     * The C type of invalid-memory hook callbacks: {@code bool (uc_engine *, uc_mem_type type,
     * uint64_t address, int size, int64_t value, void *user_data)}.
     */
    static final FunctionDescriptor INVALID_MEMORY_CALLBACK = FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT,
            JAVA_LONG, JAVA_INT, JAVA_LONG, ADDRESS);

    private UnicornNative() {
    }

    static Linker linker() {
        return LINKER;
    }

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = UnicornLibrary.lookup().find(name).orElseThrow(() -> new EmulatorUnavailableException(
                UnicornLibrary.DEFAULT_NAME + " lacks " + name + ": install libunicorn2 version 2.0 or newer"));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    /** The text {@code uc_strerror} gives for {@code code}. */
    static String describe(int code) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(code);
            return text.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Turns a non-zero {@code uc_err} into a {@link UnicornException}. */
    static void check(int code, String operation) {
        if (code != 0) {
            throw new UnicornException(operation, code, describe(code));
        }
    }

    /** As {@link #check(int, String)} for a call on {@code register}, named only when it failed. */
    static void check(int code, String operation, Object register) {
        if (code != 0) {
            throw new UnicornException(operation + "(" + register + ")", code, describe(code));
        }
    }

    /** Rethrows what a MethodHandle invocation threw, unchecked. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("native call failed", t);
    }
}
