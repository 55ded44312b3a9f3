package org.l4emu.emulator.physical;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.l4emu.emulator.NativeShape;
import org.l4emu.emulator.host.CLibrary;

/**
 * Host memory from {@code mmap(MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE)}: reserved address
 * space whose pages the kernel commits (zero-filled) only when first touched, so a 4 GiB guest
 * physical range costs only what the guest uses. {@code Arena.allocate} would zero, and so
 * commit, every byte. Linux only.
 */
public final class AnonymousMapping implements AutoCloseable {
    private static final int PROT_READ = 1;
    private static final int PROT_WRITE = 2;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_ANONYMOUS = 0x20;
    private static final int MAP_NORESERVE = 0x4000;
    private static final int MADV_DONTNEED = 4;
    private static final int MADV_HUGEPAGE = 14;
    private static final long MAP_FAILED = -1L;

    // Without errno (CLibrary): these calls fail only when l4emu passed a bad range or the host is out of memory.
    private static final MethodHandle MMAP = CLibrary.function("mmap"); // void *(void *, size_t, int prot, int flags, int fd, off_t)
    private static final MethodHandle MUNMAP = CLibrary.function("munmap"); // int (void *, size_t)
    private static final MethodHandle MADVISE = CLibrary.function("madvise"); // int (void *, size_t, int advice)

    private final MemorySegment segment;
    private boolean closed;

    private AnonymousMapping(MemorySegment segment) {
        this.segment = segment;
    }

    /** Reserves {@code size} bytes of zeroed, lazily committed, read-write host memory. */
    public static AnonymousMapping reserve(long size) {
        try {
            long address = (long) MMAP.invokeExact(0L, size, (long) (PROT_READ | PROT_WRITE),
                    (long) (MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE), -1L, 0L);
            if (address == MAP_FAILED) {
                throw new IllegalStateException("cannot reserve " + size + " bytes of host memory (mmap failed)");
            }
            return new AnonymousMapping(MemorySegment.ofAddress(address).reinterpret(size));
        } catch (Throwable t) {
            throw NativeShape.unchecked(t);
        }
    }

    public MemorySegment segment() {
        return segment;
    }

    /**
     * Asks the host to back {@code [offset, offset + length)} with 2 MiB pages where it can
     * (transparent huge pages), so that handing out a fresh frame does not cost a page fault of
     * its own at its first touch: on these virtual machines a fresh 4 KiB page costs 10-30 us at
     * its first write, a 2 MiB page about 0.25 us per 4 KiB (BENCHMARKS.md, Tasks). Advice only:
     * a kernel without transparent huge pages refuses it, which changes nothing but the speed,
     * so a refusal is not an error.
     */
    public void adviseHugePages(long offset, long length) {
        MemorySegment range = segment.asSlice(offset, length);
        try {
            long refused = (long) MADVISE.invokeExact(range.address(), length, (long) MADV_HUGEPAGE, 0L, 0L, 0L);
        } catch (Throwable t) {
            throw NativeShape.unchecked(t);
        }
    }

    /** Gives the pages back to the host; they read as zero afterwards. */
    public void discard(long offset, long length) {
        MemorySegment range = segment.asSlice(offset, length);
        try {
            int result = (int) (long) MADVISE.invokeExact(range.address(), length, (long) MADV_DONTNEED, 0L, 0L, 0L);
            if (result != 0) {
                throw new IllegalStateException("cannot give " + length + " bytes of host memory back (madvise failed)");
            }
        } catch (Throwable t) {
            throw NativeShape.unchecked(t);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            int result = (int) (long) MUNMAP.invokeExact(segment.address(), segment.byteSize(), 0L, 0L, 0L, 0L);
            if (result != 0) {
                throw new IllegalStateException("cannot release " + segment.byteSize() + " bytes of host memory (munmap failed)");
            }
        } catch (Throwable t) {
            throw NativeShape.unchecked(t);
        }
    }
}
