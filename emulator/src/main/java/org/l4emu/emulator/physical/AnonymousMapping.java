package org.l4emu.emulator.physical;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Host memory from {@code mmap(MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE)}: reserved address
 * space whose pages the kernel commits (zero-filled) only when first touched, so a 4 GiB guest
 * physical range costs only what the guest uses. {@code Arena.allocate} would zero, and so
 * commit, every byte. Linux only.
 */
@SuppressWarnings("restricted") // calling libc is this class's job
public final class AnonymousMapping implements AutoCloseable {
    private static final int PROT_READ = 1;
    private static final int PROT_WRITE = 2;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_ANONYMOUS = 0x20;
    private static final int MAP_NORESERVE = 0x4000;
    private static final int MADV_DONTNEED = 4;
    private static final int MADV_HUGEPAGE = 14;
    private static final long MAP_FAILED = -1L;
    private static final int EINVAL = 22;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle MMAP = libc("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP = libc("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle MADVISE = libc("madvise",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));

    private final MemorySegment segment;
    private boolean closed;

    private AnonymousMapping(MemorySegment segment) {
        this.segment = segment;
    }

    /** Reserves {@code size} bytes of zeroed, lazily committed, read-write host memory. */
    public static AnonymousMapping reserve(long size) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment state = call.allocate(CALL_STATE);
            MemorySegment address = (MemorySegment) MMAP.invokeExact(state, MemorySegment.NULL, size,
                    PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0L);
            if (address.address() == MAP_FAILED) {
                throw new IllegalStateException("mmap of " + size + " bytes failed, errno " + ERRNO.get(state, 0L));
            }
            return new AnonymousMapping(address.reinterpret(size));
        } catch (Throwable t) {
            throw unchecked(t);
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
     * a kernel without transparent huge pages refuses it (EINVAL), which changes nothing but
     * the speed.
     */
    public void adviseHugePages(long offset, long length) {
        MemorySegment range = segment.asSlice(offset, length);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment state = call.allocate(CALL_STATE);
            int result = (int) MADVISE.invokeExact(state, range, length, MADV_HUGEPAGE);
            int errno = (int) ERRNO.get(state, 0L);
            if (result != 0 && errno != EINVAL) {
                throw new IllegalStateException("madvise(MADV_HUGEPAGE) failed, errno " + errno);
            }
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Gives the pages back to the host; they read as zero afterwards. */
    public void discard(long offset, long length) {
        MemorySegment range = segment.asSlice(offset, length);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment state = call.allocate(CALL_STATE);
            int result = (int) MADVISE.invokeExact(state, range, length, MADV_DONTNEED);
            if (result != 0) {
                throw new IllegalStateException("madvise(MADV_DONTNEED) failed, errno " + ERRNO.get(state, 0L));
            }
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Arena call = Arena.ofConfined()) {
            MemorySegment state = call.allocate(CALL_STATE);
            int result = (int) MUNMAP.invokeExact(state, segment, segment.byteSize());
            if (result != 0) {
                throw new IllegalStateException("munmap failed, errno " + ERRNO.get(state, 0L));
            }
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    private static MethodHandle libc(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("the C library has no " + name));
        return LINKER.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno"));
    }

    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("libc call failed", t);
    }
}
