package org.l4emu.emulator;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.util.Arrays;

/**
 * The one way l4emu describes C functions to the JDK's linker: every argument and the result as
 * a 64-bit word, and every function of fixed arity as taking {@link #WORDS} of them. Each
 * distinct descriptor makes the JDK generate and compile stub classes of its own at run time
 * (about ten classes and several ms of CPU each; at start-up that work and the compilations it
 * sets off were a third of a boot), while one descriptor lets every C function share them.
 *
 * <p>Why this is sound on the 64-bit ABIs the JDK links (System V x86-64, AAPCS64): an int or a
 * pointer travels in a whole register either way, so callers pass ints sign-extended and mask
 * results to their C type; and the first six (x86-64) or eight (AArch64) word arguments travel
 * in registers that the caller owns, so a function reads the ones its prototype declares and
 * never looks at the others, which callers pass as 0. A variadic function is the exception (its
 * callee may look at AL on x86-64): it has a descriptor of its own, with its variadic arguments
 * marked ({@link NativeShape#VARIADIC}).
 */
public final class NativeWords {
    /** The words every C function of fixed arity is given: all of them in registers on both ABIs. */
    public static final int WORDS = 6;
    /** The words a variadic function is given: {@code uc_hook_add}'s seven named arguments. */
    public static final int VARIADIC_WORDS = 7;

    private NativeWords() {
    }

    /** {@code long f(long, ...)} with {@link #WORDS} arguments: any C function of fixed arity up to six. */
    public static FunctionDescriptor function() {
        return function(WORDS);
    }

    /** {@code long f(long, ...)} with {@code arguments} arguments. */
    public static FunctionDescriptor function(int arguments) {
        MemoryLayout[] layouts = new MemoryLayout[arguments];
        Arrays.fill(layouts, JAVA_LONG);
        return FunctionDescriptor.of(JAVA_LONG, layouts);
    }
}
