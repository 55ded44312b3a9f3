package org.l4emu.emulator.host;

import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.l4emu.emulator.NativeShape;
import org.l4emu.emulator.NativeWords;

/** Functions of the host's C library, linked as {@link NativeWords} describes. */
public final class CLibrary {
    private CLibrary() {
    }

    /**
     * The C library's {@code name}, a function of fixed arity taking {@link NativeWords#WORDS}
     * words (callers pass 0 for those beyond its prototype). Linked critical ({@link
     * NativeShape#FIXED}), without errno: none of the functions l4emu calls calls back into Java,
     * Unicorn's calls share the stubs, and capturing errno makes the JDK generate some thirty
     * classes at each start-up.
     */
    public static MethodHandle function(String name) {
        return NativeShape.FIXED.link(symbol(name));
    }

    /** The address of the C library's {@code name}. */
    static MemorySegment symbol(String name) {
        return Linker.nativeLinker().defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("the C library has no " + name));
    }
}
