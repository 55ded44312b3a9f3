package org.l4emu.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.Test;

/** Calls C library functions through each shape, with the words beyond their prototypes given as 0. */
class NativeShapeTest {
    private static MemorySegment libc(String name) {
        return Linker.nativeLinker().defaultLookup().find(name).orElseThrow();
    }

    @Test
    void aFixedFunctionReadsItsOwnWordsOnly() throws Throwable {
        MethodHandle labs = NativeShape.FIXED.link(libc("labs")); // long labs(long)
        assertEquals(42L, (long) labs.invokeExact(-42L, 7L, 7L, 7L, 7L, 7L));
        MethodHandle getpid = NativeShape.CALLING_BACK.link(libc("getpid")); // pid_t getpid(void)
        assertEquals(ProcessHandle.current().pid(), (long) getpid.invokeExact(0L, 0L, 0L, 0L, 0L, 0L) & 0xFFFF_FFFFL);
    }

    @Test
    void aVariadicFunctionFindsItsNamedAndVariadicWords() throws Throwable {
        // int snprintf(char *buffer, size_t size, const char *format, ...): three named words, four variadic
        MethodHandle snprintf = NativeShape.VARIADIC.link(libc("snprintf"));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(64);
            MemorySegment format = arena.allocateFrom("%ld %ld %ld %ld");
            long written = (long) snprintf.invokeExact(buffer.address(), 64L, format.address(), 11L, 22L, 33L, -44L);
            assertEquals("11 22 33 -44", buffer.getString(0));
            assertEquals(12L, written & 0xFFFF_FFFFL);
        }
    }
}
