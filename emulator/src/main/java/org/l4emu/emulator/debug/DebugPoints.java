package org.l4emu.emulator.debug;

import java.util.List;
import java.util.Set;

/**
 * The places a {@link DebugProbe} wants to hear about, in guest virtual addresses of any space:
 * instructions (code breakpoints) and data ranges (watchpoints). A machine hooks exactly these,
 * so that code elsewhere runs at full speed.
 */
public record DebugPoints(Set<Integer> code, List<DataRange> data) {
    public static final DebugPoints NONE = new DebugPoints(Set.of(), List.of());

    /** Bytes {@code [address, address + length)}, watched for reads, writes or both. */
    public record DataRange(int address, int length, boolean reads, boolean writes) {
        public DataRange {
            if (length < 1) {
                throw new IllegalArgumentException("a watched range needs at least one byte");
            }
        }

        /** The last byte's address, as a 64-bit unsigned value (hook ranges are inclusive). */
        public long lastAddress() {
            return Integer.toUnsignedLong(address) + length - 1;
        }
    }

    public DebugPoints {
        code = Set.copyOf(code);
        data = List.copyOf(data);
    }

    public boolean isEmpty() {
        return code.isEmpty() && data.isEmpty();
    }
}
