package org.l4emu.tools.replay;

import org.l4emu.emulator.debug.DebugPoints;

/**
 * A data watchpoint: bytes {@code [address, address + length)} of one task's address space,
 * watched for writes, reads or both (GDB's {@code watch}, {@code rwatch}, {@code awatch}).
 * Writes by the kernel (an IPC delivered into a watched UTCB word, a mapping arriving) count too.
 */
public record Watchpoint(String task, int address, int length, Kind kind) {
    public enum Kind {
        WRITE("watch", false, true),
        READ("rwatch", true, false),
        ACCESS("awatch", true, true);

        private final String gdbName;
        private final boolean reads;
        private final boolean writes;

        Kind(String gdbName, boolean reads, boolean writes) {
            this.gdbName = gdbName;
            this.reads = reads;
            this.writes = writes;
        }

        public String gdbName() {
            return gdbName;
        }

        public boolean reads() {
            return reads;
        }

        public boolean writes() {
            return writes;
        }
    }

    public Watchpoint {
        if (length < 1) {
            throw new IllegalArgumentException("a watchpoint covers at least one byte");
        }
    }

    DebugPoints.DataRange range() {
        return new DebugPoints.DataRange(address, length, kind.reads(), kind.writes());
    }

    /** True when {@code [from, from + size)} overlaps the watched bytes. */
    public boolean overlaps(int from, int size) {
        long start = Integer.toUnsignedLong(from);
        long first = Integer.toUnsignedLong(address);
        return start < first + length && first < start + size;
    }
}
