package org.l4emu.emulator.host;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import org.l4emu.emulator.NativeShape;

/**
 * Has the JDK generate, on a background thread, the stub classes for every kind of C function
 * and hook l4emu links ({@link NativeShape}, and its {@link NativeShape#UPCALL upcalls}), while
 * the main thread reads the command line. They are made once per shape and process, and the
 * first machine's set-up otherwise waited for them: about 25 ms of a boot's wall time with a core
 * to spare (BENCHMARKS.md, Start-up). Links a C library function without calling it, and makes
 * one upcall stub that nothing calls.
 */
public final class LinkerWarmup {
    private LinkerWarmup() {
    }

    /** Starts the warm-up; returns at once. */
    public static void start() {
        Thread.ofPlatform().name("l4emu-linker-warmup").daemon().start(LinkerWarmup::linkEveryShape);
    }

    private static void linkEveryShape() {
        try {
            MemorySegment getpid = CLibrary.symbol("getpid");
            for (NativeShape shape : NativeShape.values()) {
                shape.link(getpid);
            }
            MethodHandle target = MethodHandles.lookup().findStatic(LinkerWarmup.class, "ignore",
                    NativeShape.UPCALL.toMethodType());
            upcallStub(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Only a head start: the main thread links the same shapes when it needs them, and
            // reports there whatever fails.
        }
    }

    @SuppressWarnings("restricted") // an upcall stub that nothing calls
    private static void upcallStub(MethodHandle target) {
        Linker.nativeLinker().upcallStub(target, NativeShape.UPCALL, Arena.ofAuto());
    }

    /** The upcall stub's target, of the hooks' type. */
    private static long ignore(long first, long second, long third, long fourth, long fifth, long sixth) {
        return 0;
    }
}
