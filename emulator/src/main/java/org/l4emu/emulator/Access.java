package org.l4emu.emulator;

/**
 * Access rights as a bit set in the L4 fpage order: bit 2 read, bit 1 write, bit 0 execute.
 * Immutable, one instance for each combination.
 */
public record Access(int bits) {
    public static final int READ_BIT = 4;
    public static final int WRITE_BIT = 2;
    public static final int EXECUTE_BIT = 1;

    public static final Access NONE = new Access(0);
    public static final Access READ = new Access(READ_BIT);
    public static final Access WRITE = new Access(WRITE_BIT);
    public static final Access EXECUTE = new Access(EXECUTE_BIT);
    public static final Access READ_WRITE = new Access(READ_BIT | WRITE_BIT);
    public static final Access READ_EXECUTE = new Access(READ_BIT | EXECUTE_BIT);
    public static final Access ALL = new Access(READ_BIT | WRITE_BIT | EXECUTE_BIT);
    /** One instance for each combination, by bits: a rights check on the IPC path allocates nothing. */
    private static final Access[] BY_BITS = {NONE, EXECUTE, WRITE, new Access(WRITE_BIT | EXECUTE_BIT), READ,
        READ_EXECUTE, READ_WRITE, ALL};

    public Access {
        if ((bits & ~7) != 0) {
            throw new IllegalArgumentException("access bits out of range: " + bits);
        }
    }

    public static Access of(int bits) {
        return BY_BITS[bits & 7];
    }

    public boolean readable() {
        return (bits & READ_BIT) != 0;
    }

    public boolean writable() {
        return (bits & WRITE_BIT) != 0;
    }

    public boolean executable() {
        return (bits & EXECUTE_BIT) != 0;
    }

    public Access intersect(Access other) {
        return of(bits & other.bits);
    }

    /** True when every right in {@code required} is granted here. */
    public boolean covers(Access required) {
        return (required.bits & ~bits) == 0;
    }

    @Override
    public String toString() {
        return (readable() ? "r" : "-") + (writable() ? "w" : "-") + (executable() ? "x" : "-");
    }
}
