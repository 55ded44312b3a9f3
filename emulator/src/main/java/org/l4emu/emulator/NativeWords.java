package org.l4emu.emulator;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.util.Arrays;

/**
 * The one way l4emu describes C functions to the JDK's linker: every argument and the result as
 * a 64-bit word. Each distinct descriptor makes the JDK generate and compile stub classes of
 * its own at run time (about 10 ms of CPU each; at start-up that work and the compilations it
 * sets off were a third of a boot), while one descriptor per number of arguments lets every
 * C function of that arity share them. On the 64-bit ABIs the JDK links (System V x86-64,
 * AAPCS64) an int or a pointer travels in a whole register or stack slot either way: callers
 * pass ints sign-extended and mask results to their C type.
 */
public final class NativeWords {
    private NativeWords() {
    }

    /** {@code long f(long, ...)} with {@code arguments} arguments. */
    public static FunctionDescriptor function(int arguments) {
        MemoryLayout[] layouts = new MemoryLayout[arguments];
        Arrays.fill(layouts, JAVA_LONG);
        return FunctionDescriptor.of(JAVA_LONG, layouts);
    }
}
