package org.l4emu.emulator.host;

import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.l4emu.emulator.NativeWords;

/** Functions of the host's C library, linked as {@link NativeWords} describes. */
@SuppressWarnings("restricted") // linking libc is this class's job
public final class CLibrary {
    private static final Linker LINKER = Linker.nativeLinker();

    private CLibrary() {
    }

    /**
     * The C library's {@code name}, a function of fixed arity taking {@link NativeWords#WORDS}
     * words (callers pass 0 for those beyond its prototype). Linked critical, without
     * errno: none of the functions l4emu calls calls back into Java, Unicorn's calls of the same
     * arities share the stubs, and capturing errno makes the JDK generate some thirty classes at
     * each start-up.
     */
    public static MethodHandle function(String name) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("the C library has no " + name));
        return LINKER.downcallHandle(symbol, NativeWords.function(), Linker.Option.critical(false));
    }

    /** What a call through {@link #function}'s handle threw, as an unchecked exception to throw. */
    public static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("C library call failed", t);
    }
}
