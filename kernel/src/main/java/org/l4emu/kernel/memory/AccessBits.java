package org.l4emu.kernel.memory;

import org.l4emu.abi.Abi;
import org.l4emu.emulator.Access;

/**
 * Access rights as the ABI writes them (fpages, page-fault labels, traces): the table's r, w and
 * x bits (ABI section 2.5), whatever the machine's own encoding of {@link Access}.
 */
public final class AccessBits {
    private static final Access[] RIGHTS = new Access[Abi.Rights.RWX + 1];

    static {
        for (int bits = 0; bits <= Abi.Rights.RWX; bits++) {
            Access access = Access.NONE;
            if ((bits & Abi.Rights.R) != 0) {
                access = union(access, Access.READ);
            }
            if ((bits & Abi.Rights.W) != 0) {
                access = union(access, Access.WRITE);
            }
            if ((bits & Abi.Rights.X) != 0) {
                access = union(access, Access.EXECUTE);
            }
            RIGHTS[bits] = access;
        }
    }

    private AccessBits() {}

    public static int of(Access access) {
        return (access.readable() ? Abi.Rights.R : 0) | (access.writable() ? Abi.Rights.W : 0)
                | (access.executable() ? Abi.Rights.X : 0);
    }

    /** The rights of the low three bits of {@code bits}. */
    public static Access access(int bits) {
        return RIGHTS[bits & Abi.Rights.RWX];
    }

    private static Access union(Access a, Access b) {
        return Access.of(a.bits() | b.bits());
    }
}
