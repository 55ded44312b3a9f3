package org.l4emu.emulator.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The readable ranges of this process's memory (Linux {@code /proc/self/maps}), so that a
 * calibration can follow pointers found in the engine's private structures without reading
 * unmapped memory, which would kill the JVM.
 */
@SuppressWarnings("restricted") // the engine's structures live in its heap, at addresses found at start-up
public final class ReadableMemory {
    /** Everything, for absolute addresses; reads are checked against {@link #readableBytes} first. */
    public static final MemorySegment PROCESS = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private final List<long[]> ranges;

    private ReadableMemory(List<long[]> ranges) {
        this.ranges = ranges;
    }

    public static ReadableMemory ofThisProcess() {
        List<long[]> ranges = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int dash = line.indexOf('-');
                int space = line.indexOf(' ');
                if (dash < 0 || space < dash || line.charAt(space + 1) != 'r') {
                    continue;
                }
                ranges.add(new long[] {Long.parseUnsignedLong(line, 0, dash, 16),
                        Long.parseUnsignedLong(line, dash + 1, space, 16)});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/maps", e);
        }
        return new ReadableMemory(ranges);
    }

    /** How many bytes from {@code address} on can be read, up to {@code wanted}; 0 when it is not mapped. */
    public long readableBytes(long address, long wanted) {
        for (long[] range : ranges) {
            if (Long.compareUnsigned(address, range[0]) >= 0 && Long.compareUnsigned(address, range[1]) < 0) {
                return Math.min(wanted, range[1] - address);
            }
        }
        return 0;
    }
}
