package org.l4emu.tools.check;

import java.util.Locale;

/**
 * What the checker knows of ABI.md, read from the document rather than from the kernel's own
 * classes, so that a kernel constant that is wrong does not make the checker wrong with it.
 */
final class Abi {
    static final int NIL = 0;
    static final int ANY = 0xFFFF_FFFF;

    static final int PAGE_SIZE = 4096;
    static final long USER_BASE = 0x1000L;
    static final long USER_END = 0xC000_0000L;
    static final long BOOT_INFO = 0xBFFF_0000L;
    static final int MAX_MESSAGE_WORDS = 63;

    static final int DOPE_OPTION_BIT = 1;
    static final int DOPE_R = 1 << 4;
    static final int DOPE_D = 1 << 5;
    /** O, option code, R and D: everything but the error code and phase. */
    static final int DOPE_RECEIVED_BITS = 0x3F;
    static final int NOTIFICATION_DOPE = 0x5;
    static final int TAG_FLAGS = 0xF000;
    static final int KERNEL_FLAG = 1 << 15;

    static final int OPTION_UNRELIABLE = 0;
    static final int OPTION_ERROR = 1;
    static final int OPTION_NOTIFICATION = 2;
    static final int OPTION_UNBLOCKING = 3;
    static final int OPTION_DECEIT = 4;
    static final int OPTION_DECEIT_BLOCKED = 5;
    static final int OPTION_DECEIT_CONTROLLER = 6;
    static final int OPTION_DECEIT_BOTH = 7;

    static final int ERROR_TIMEOUT = 1;
    static final int ERROR_NO_PARTNER = 2;
    static final int ERROR_CANCELLED = 3;
    static final int ERROR_OVERFLOW = 4;
    static final int ERROR_DELAY = 5;
    static final int ERROR_NOT_PERMITTED = 6;
    static final int ERROR_MONITOR = 8;
    static final int ERROR_INVALID = 9;

    static final int SYSCALL_IPC = 1;
    static final int SYSCALL_EXCHANGE_REGISTERS = 4;

    private Abi() {}

    static int untyped(int tag) {
        return tag & 0x3F;
    }

    static int typed(int tag) {
        return (tag >>> 6) & 0x3F;
    }

    static int errorCode(int dope) {
        return (dope >>> 8) & 0xF;
    }

    static boolean receivePhase(int dope) {
        return (dope & (1 << 12)) != 0;
    }

    /** The option a send descriptor asks for, or -1. */
    static int option(int sendDescriptor) {
        return (sendDescriptor & 1) == 0 ? -1 : (sendDescriptor >>> 1) & 7;
    }

    /** The dope bits O and option for an option code. */
    static int optionDope(int option) {
        return DOPE_OPTION_BIT | option << 1;
    }

    static int sendTimeout(int timeouts) {
        return timeouts >>> 16;
    }

    static int receiveTimeout(int timeouts) {
        return timeouts & 0xFFFF;
    }

    /** A 16-bit timeout in µs: m * 2^e, or -1 for never (0). */
    static long timeoutMicros(int timeout) {
        if (timeout == 0) {
            return -1;
        }
        return (long) (timeout & 0x3FF) << ((timeout >>> 10) & 0x1F);
    }

    static boolean isUserPage(long page) {
        return page >= USER_BASE && page + PAGE_SIZE <= USER_END;
    }

    static long unsigned(int word) {
        return Integer.toUnsignedLong(word);
    }

    static String hex(int word) {
        return String.format(Locale.ROOT, "0x%08x", word);
    }

    /** An fpage word (ABI section 2): base bits 31..10 aligned to its size, log2 size 12..32, or nil (size 0). */
    record Fpage(long base, int log2Size) {
        static Fpage of(int word) {
            return new Fpage(unsigned(word & ~0x3FF), (word >>> 4) & 0x3F);
        }

        boolean isNil() {
            return log2Size == 0;
        }

        boolean isValid() {
            return isNil() || log2Size >= 12 && log2Size <= 32 && (base & (size() - 1)) == 0;
        }

        long size() {
            return 1L << log2Size;
        }

        boolean contains(long page) {
            return page >= base && page + PAGE_SIZE <= base + size();
        }
    }
}
