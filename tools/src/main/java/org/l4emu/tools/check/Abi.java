package org.l4emu.tools.check;

import java.util.Locale;

/**
 * What the checker knows of the ABI, taken from the ABI's one table ({@link org.l4emu.abi.Abi},
 * docs/abi.md) and never from the kernel's classes: the checker shares the contract with the
 * kernel, none of its data structures or logic.
 */
final class Abi {
    private static final int DOPE_R_BIT = org.l4emu.abi.Abi.Dope.REDIRECTED.bits();
    private static final int DOPE_D_BIT = org.l4emu.abi.Abi.Dope.DECEIT.bits();

    static final int NIL = org.l4emu.abi.Abi.ThreadId.NIL;
    static final int ANY = org.l4emu.abi.Abi.ThreadId.ANY;

    static final int PAGE_SIZE = org.l4emu.abi.Abi.Layout.PAGE_SIZE;
    static final long USER_BASE = org.l4emu.abi.Abi.Layout.USER_BASE;
    static final long USER_END = org.l4emu.abi.Abi.Layout.USER_END;
    static final long BOOT_INFO = Integer.toUnsignedLong(org.l4emu.abi.Abi.Layout.BOOT_INFO);
    static final int MAX_MESSAGE_WORDS = org.l4emu.abi.Abi.Tag.MAX_WORDS;

    static final int DOPE_OPTION_BIT = org.l4emu.abi.Abi.Dope.OPTION_BIT;
    static final int DOPE_R = DOPE_R_BIT;
    static final int DOPE_D = DOPE_D_BIT;
    /** O, option code, R and D: everything but the error code and phase. */
    static final int DOPE_RECEIVED_BITS = DOPE_OPTION_BIT | org.l4emu.abi.Abi.Dope.OPTION.bits() | DOPE_R_BIT | DOPE_D_BIT;
    static final int NOTIFICATION_DOPE = org.l4emu.abi.Abi.Dope.NOTIFICATION;
    static final int TAG_FLAGS = org.l4emu.abi.Abi.Tag.FLAGS.bits();
    static final int KERNEL_FLAG = org.l4emu.abi.Abi.Tag.KERNEL_FLAG;

    static final int OPTION_UNRELIABLE = org.l4emu.abi.Abi.Option.UNRELIABLE;
    static final int OPTION_ERROR = org.l4emu.abi.Abi.Option.ERROR;
    static final int OPTION_NOTIFICATION = org.l4emu.abi.Abi.Option.NOTIFICATION;
    static final int OPTION_UNBLOCKING = org.l4emu.abi.Abi.Option.UNBLOCKING;
    static final int OPTION_DECEIT = org.l4emu.abi.Abi.Option.DECEIT;
    static final int OPTION_DECEIT_BLOCKED = org.l4emu.abi.Abi.Option.DECEIT_BLOCKED_SOURCE;
    static final int OPTION_DECEIT_CONTROLLER = org.l4emu.abi.Abi.Option.DECEIT_CONTROLLING_MONITOR;
    static final int OPTION_DECEIT_BOTH = org.l4emu.abi.Abi.Option.DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR;

    static final int ERROR_TIMEOUT = org.l4emu.abi.Abi.ErrorCode.TIMEOUT;
    static final int ERROR_NO_PARTNER = org.l4emu.abi.Abi.ErrorCode.NO_PARTNER;
    static final int ERROR_CANCELLED = org.l4emu.abi.Abi.ErrorCode.CANCELLED;
    static final int ERROR_OVERFLOW = org.l4emu.abi.Abi.ErrorCode.MESSAGE_OVERFLOW;
    static final int ERROR_DELAY = org.l4emu.abi.Abi.ErrorCode.DELAY_TIMEOUT;
    static final int ERROR_NOT_PERMITTED = org.l4emu.abi.Abi.ErrorCode.NOT_PERMITTED;
    static final int ERROR_MONITOR = org.l4emu.abi.Abi.ErrorCode.MONITOR;
    static final int ERROR_INVALID = org.l4emu.abi.Abi.ErrorCode.INVALID_ARGUMENT;

    static final int SYSCALL_IPC = org.l4emu.abi.Abi.Syscall.IPC;
    static final int SYSCALL_EXCHANGE_REGISTERS = org.l4emu.abi.Abi.Syscall.EXCHANGE_REGISTERS;

    private Abi() {}

    static int untyped(int tag) {
        return org.l4emu.abi.Abi.Tag.UNTYPED.get(tag);
    }

    static int typed(int tag) {
        return org.l4emu.abi.Abi.Tag.TYPED.get(tag);
    }

    static int errorCode(int dope) {
        return org.l4emu.abi.Abi.Dope.ERROR.get(dope);
    }

    static boolean receivePhase(int dope) {
        return org.l4emu.abi.Abi.Dope.PHASE.get(dope) == org.l4emu.abi.Abi.Phase.RECEIVE;
    }

    /** The option a send descriptor asks for, or -1. */
    static int option(int sendDescriptor) {
        return (sendDescriptor & org.l4emu.abi.Abi.SendDescriptor.OPTION_BIT) == 0
                ? -1 : org.l4emu.abi.Abi.SendDescriptor.OPTION.get(sendDescriptor);
    }

    /** The dope bits O and option for an option code. */
    static int optionDope(int option) {
        return DOPE_OPTION_BIT | org.l4emu.abi.Abi.Dope.OPTION.place(option);
    }

    static int sendTimeout(int timeouts) {
        return org.l4emu.abi.Abi.Timeouts.SEND.get(timeouts);
    }

    static int receiveTimeout(int timeouts) {
        return org.l4emu.abi.Abi.Timeouts.RECEIVE.get(timeouts);
    }

    /** A 16-bit timeout in µs: m * 2^e, or -1 for never (0). */
    static long timeoutMicros(int timeout) {
        if (timeout == org.l4emu.abi.Abi.Timeouts.NEVER) {
            return -1;
        }
        return (long) org.l4emu.abi.Abi.Timeouts.MANTISSA.get(timeout) << org.l4emu.abi.Abi.Timeouts.EXPONENT.get(timeout);
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
            return new Fpage(unsigned(word & org.l4emu.abi.Abi.Fpage.BASE_MASK), org.l4emu.abi.Abi.Fpage.SIZE.get(word));
        }

        boolean isNil() {
            return log2Size == org.l4emu.abi.Abi.Fpage.NIL;
        }

        boolean isValid() {
            return isNil() || log2Size >= org.l4emu.abi.Abi.Fpage.MIN_LOG2 && log2Size <= org.l4emu.abi.Abi.Fpage.MAX_LOG2
                    && (base & (size() - 1)) == 0;
        }

        long size() {
            return 1L << log2Size;
        }

        boolean contains(long page) {
            return page >= base && page + PAGE_SIZE <= base + size();
        }
    }
}
