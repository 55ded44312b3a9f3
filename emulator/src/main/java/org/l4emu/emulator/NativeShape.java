package org.l4emu.emulator;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The kinds of C function l4emu calls, each linked with one descriptor in {@link NativeWords}
 * and one set of linker options, so that every function of a kind shares the stub classes the
 * JDK generates for it at run time.
 */
public enum NativeShape {
    /**
     * A function of fixed arity that never calls back into Java: linked critical, so a call skips
     * the JVM's thread state transition (which matters on the per-trap path).
     */
    FIXED(NativeWords.function(), Linker.Option.critical(false)),
    /** A function of fixed arity during which Java upcalls run ({@code uc_emu_start}, whose hooks are Java). */
    CALLING_BACK(NativeWords.function()),
    /**
     * A variadic function that never calls back into Java: {@link NativeWords#VARIADIC_WORDS} words
     * of which those from the third on are marked variadic, so that the linker says (on x86-64,
     * in AL) that no floating-point value is among them, as a variadic callee may read. The ABIs
     * pass a word the same way whether it is named or variadic, so a function with more named
     * arguments reads them where it expects them, and one that takes fewer ignores the rest, as
     * C allows of variadic arguments.
     */
    VARIADIC(NativeWords.function(NativeWords.VARIADIC_WORDS), Linker.Option.firstVariadicArg(2),
            Linker.Option.critical(false)),
    /** {@code uc_hook_add} for an instruction hook: {@link #VARIADIC} and one word more, the instruction. */
    VARIADIC_INSTRUCTION_HOOK(NativeWords.function(NativeWords.VARIADIC_WORDS + 1), Linker.Option.firstVariadicArg(2),
            Linker.Option.critical(false));

    /**
     * Every upcall (Unicorn's hooks), as six words returning one, so that all share one kind of
     * upcall stub: the words beyond a hook's C prototype hold whatever its caller left in those
     * registers, and the caller of a hook that returns nothing ignores the word returned.
     */
    public static final FunctionDescriptor UPCALL = NativeWords.function();

    private static final Linker LINKER = Linker.nativeLinker();

    private final FunctionDescriptor descriptor;
    private final Linker.Option[] options;

    NativeShape(FunctionDescriptor descriptor, Linker.Option... options) {
        this.descriptor = descriptor;
        this.options = options;
    }

    public FunctionDescriptor descriptor() {
        return descriptor;
    }

    /** A handle that calls {@code function}, a C function of this kind. */
    @SuppressWarnings("restricted") // linking C functions is what this is for
    public MethodHandle link(MemorySegment function) {
        return LINKER.downcallHandle(function, descriptor, options);
    }

    /**
     * What a call through a handle of any shape threw, as an unchecked exception for the caller
     * to throw; an {@link Error} is thrown from here.
     */
    public static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call failed", t);
    }
}
