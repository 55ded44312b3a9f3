package org.l4emu.emulator.unicorn;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.l4emu.emulator.NativeShape;

/**
 * One upcall stub per kind of hook for the whole process, each made on first use: its user data
 * names the hook ({@link HookSlots}), so the stubs never go away and serve every engine.
 */
final class HookStubs {
    private HookStubs() {
    }

    static final class Interrupt {
        static final MemorySegment STUB = stub("dispatchInterrupt", NativeShape.UPCALL);
    }

    static final class Code {
        static final MemorySegment STUB = stub("dispatchCode", NativeShape.UPCALL);
    }

    static final class Memory {
        static final MemorySegment STUB = stub("dispatchMemory", NativeShape.UPCALL);
    }

    static final class Cpuid {
        static final MemorySegment STUB = stub("dispatchCpuid", NativeShape.UPCALL);
    }

    static final class PortIn {
        static final MemorySegment STUB = stub("dispatchPortIn", NativeShape.UPCALL);
    }

    static final class PortOut {
        static final MemorySegment STUB = stub("dispatchPortOut", NativeShape.UPCALL);
    }

    static final class FastCall {
        static final MemorySegment STUB = stub("dispatchFastCall", NativeShape.UPCALL);
    }

    static final class InvalidMemory {
        static final MemorySegment STUB = stub("dispatchInvalidMemory", NativeShape.UPCALL);
    }

    private static MemorySegment stub(String dispatcher, FunctionDescriptor descriptor) {
        try {
            MethodType type = descriptor.toMethodType();
            return UnicornNative.linker().upcallStub(
                    MethodHandles.lookup().findStatic(Unicorn.class, dispatcher, type), descriptor, Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
