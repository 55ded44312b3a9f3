package org.l4emu.emulator.spacetlb;

import java.lang.invoke.MethodHandle;
import org.l4emu.emulator.NativeShape;
import org.l4emu.emulator.host.CLibrary;

/**
 * Fills QEMU's structures with the C library's {@code memset}: a slice of a segment, which
 * {@code MemorySegment.fill} needs, is an object the JIT does not always remove, and a switch
 * between spaces must allocate nothing; a Java loop of word stores made the monitored round
 * trip 3-9 % slower than the fill it replaced.
 */
final class Words {
    private static final MethodHandle MEMSET = CLibrary.function("memset"); // void *(void *, int, size_t)

    private Words() {
    }

    /** Sets the {@code bytes} from {@code address} on to {@code word}, whose eight bytes are all alike (0 or -1). */
    static void fill(long address, long bytes, long word) {
        if (word != 0 && word != -1L) {
            throw new IllegalArgumentException("memset fills bytes: 0x" + Long.toHexString(word));
        }
        try {
            long ignored = (long) MEMSET.invokeExact(address, word & 0xFF, bytes, 0L, 0L, 0L);
        } catch (Throwable t) {
            throw NativeShape.unchecked(t);
        }
    }
}
