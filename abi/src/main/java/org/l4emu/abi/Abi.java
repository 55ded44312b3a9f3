package org.l4emu.abi;

/**
 * The guest ABI's numbers, version 1: the one table of them (docs/abi.md, whose sections the
 * groups follow). The kernel and the tools take their constants from here; the guest SDK's
 * header {@code l4/abi.h} is generated from it ({@code CHeader}), each group under the C names
 * its {@link C.Group} gives. Every value that crosses the guest boundary, a trace or the exit
 * status of {@code l4emu} is written here once, explicitly: no enum ordinal is a wire value.
 */
public final class Abi {
    private Abi() {}

    /** 1.2 The address space, and the kernel's fixed places in it. */
    @C.Group(section = "1.2", prefix = "L4_")
    public static final class Layout {
        public static final int PAGE_LOG2 = 12;
        public static final int PAGE_SIZE = 1 << PAGE_LOG2;
        /** The lowest user address: the page below it is never mapped. */
        public static final long USER_BASE = 0x0000_1000L;
        /** The first address of the kernel's range: user addresses end below it. */
        public static final long USER_END = 0xC000_0000L;
        /** The first thread's stack top; each further thread's stack lies below the one before. */
        public static final int MAIN_STACK_TOP = 0xBFF0_0000;
        public static final int MAIN_STACK_SIZE = 64 * 1024;
        /** Boot-time UTCB slot i is at UTCB_AREA + UTCB_SIZE * i, up to the boot info page. */
        public static final int UTCB_AREA = 0xBFF0_0000;
        public static final int UTCB_SIZE = 512;
        @C.Name("L4_BOOTINFO_ADDRESS")
        public static final int BOOT_INFO = 0xBFFF_0000;
        public static final int UTCB_SLOTS = (BOOT_INFO - UTCB_AREA) / UTCB_SIZE;

        private Layout() {}
    }

    /** 2.1 Thread IDs: bits 31..14 thread number, bits 13..0 version. */
    @C.Group(section = "2.1", prefix = "L4_THREAD_")
    public static final class ThreadId {
        public static final BitField NUMBER = new BitField(14, 18);
        public static final BitField VERSION = new BitField(0, 14);
        @C.Name("L4_NILTHREAD")
        public static final int NIL = 0;
        @C.Name("L4_ANYTHREAD")
        public static final int ANY = 0xFFFF_FFFF;
        /** Boot-time threads, and sigma0, have version 1. */
        public static final int FIRST_VERSION = 1;
        public static final int SIGMA0_NUMBER = 1;
        /** sigma0's ID: number 1, version 1 (0x00004001). */
        public static final int SIGMA0 = SIGMA0_NUMBER << 14 | FIRST_VERSION;
        /** Numbers 2-15 are reserved for interrupt threads; the system's threads count from here. */
        public static final int FIRST_USER_NUMBER = 16;

        private ThreadId() {}
    }

    /** 2.2 The boot info page: a 32-byte header, then one 32-byte entry per thread. */
    @C.Group(section = "2.2", prefix = "L4_BOOTINFO_")
    public static final class BootInfo {
        public static final int MAGIC = 0x4942_344C;
        public static final int ABI_VERSION = 1;
        public static final int MAGIC_OFFSET = 0;
        public static final int VERSION_OFFSET = 4;
        public static final int ARCH_OFFSET = 8;
        public static final int ENTRY_COUNT_OFFSET = 12;
        public static final int TICKS_OFFSET = 16;
        public static final int HEADER_SIZE = 32;
        public static final int ENTRY_SIZE = 32;
        /** An entry's name field: NUL-padded, no NUL when the name is this long. */
        public static final int NAME_LENGTH = 24;
        public static final int ENTRY_ID_OFFSET = 24;
        public static final int ENTRY_FLAGS_OFFSET = 28;
        /** Entries continue on the pages after the first, up to the end of user memory. */
        public static final int MAX_ENTRIES =
                (int) ((Layout.USER_END - Integer.toUnsignedLong(Layout.BOOT_INFO) - HEADER_SIZE) / ENTRY_SIZE);

        private BootInfo() {}
    }

    /** 2.2 The boot info page's arch word. */
    @C.Group(section = "2.2", prefix = "L4_ARCH_", enumTag = "l4_bootinfo_arch")
    public static final class Arch {
        public static final int ARM = 1;
        public static final int X86 = 2;

        private Arch() {}
    }

    /** 2.2 A boot info entry's flags word. */
    @C.Group(section = "2.2", prefix = "L4_BOOTINFO_", enumTag = "l4_bootinfo_flags")
    public static final class BootInfoFlag {
        public static final int MONITOR = 1;
        public static final int PRIVILEGED = 2;

        private BootInfoFlag() {}
    }

    /** 2.3 The UTCB's words. */
    @C.Group(section = "2.3", prefix = "L4_UTCB_", enumTag = "l4_utcb_word")
    public static final class Utcb {
        /** MR0..MR63, the message registers; MR0 is the message tag. */
        public static final int MR0 = 0;
        /** BR0, the receive window; BR1..BR32 follow. */
        public static final int BR0 = 64;
        public static final int MY_GLOBAL_ID = 100;
        public static final int PAGER = 101;
        public static final int EXCEPTION_HANDLER = 102;
        public static final int ERROR_CODE = 103;
        public static final int INTENDED_RECEIVER = 104;
        public static final int BLOCKED_SOURCE = 105;
        public static final int CONTROLLING_MONITOR = 106;
        public static final int DELAY_TIMEOUT = 107;
        public static final int USER_DEFINED_HANDLE = 108;
        /** ThreadWord0..2: words 109..111. */
        public static final int THREAD_WORD0 = 109;

        private Utcb() {}

        /** Word {@code index}'s name in the ABI ("MR1", "BR0", "MyGlobalId", "ThreadWord2", ...), or null for an unused word. */
        public static String name(int index) {
            if (index >= MR0 && index < MR0 + Registers.MR_COUNT) {
                return "MR" + (index - MR0);
            }
            if (index >= BR0 && index < BR0 + Registers.BR_COUNT) {
                return "BR" + (index - BR0);
            }
            if (index >= THREAD_WORD0 && index < THREAD_WORD0 + Registers.THREAD_WORD_COUNT) {
                return "ThreadWord" + (index - THREAD_WORD0);
            }
            return switch (index) {
                case MY_GLOBAL_ID -> "MyGlobalId";
                case PAGER -> "Pager";
                case EXCEPTION_HANDLER -> "ExceptionHandler";
                case ERROR_CODE -> "ErrorCode";
                case INTENDED_RECEIVER -> "IntendedReceiver";
                case BLOCKED_SOURCE -> "BlockedSource";
                case CONTROLLING_MONITOR -> "ControllingMonitor";
                case DELAY_TIMEOUT -> "DelayTimeout";
                case USER_DEFINED_HANDLE -> "UserDefinedHandle";
                default -> null;
            };
        }
    }

    /** 2.3 How many registers of each kind a UTCB holds. */
    @C.Group(section = "2.3", prefix = "L4_")
    public static final class Registers {
        public static final int MR_COUNT = 64;
        public static final int LAST_MR = MR_COUNT - 1;
        public static final int BR_COUNT = 33;
        public static final int THREAD_WORD_COUNT = 3;

        private Registers() {}
    }

    /** 2.4 The message tag, MR0. */
    @C.Group(section = "2.4", prefix = "L4_TAG_")
    public static final class Tag {
        public static final BitField LABEL = new BitField(16, 16);
        /** Kernel outputs: 0 as delivered from user code. */
        public static final BitField FLAGS = new BitField(12, 4);
        /** t: typed words, two per item. */
        public static final BitField TYPED = new BitField(6, 6);
        /** u: untyped words. */
        public static final BitField UNTYPED = new BitField(0, 6);
        /** Flag bit 15: the kernel generated the message. */
        public static final int KERNEL_FLAG = 1 << 15;
        /** u + t: a message is MR0..MR(u + t). */
        @C.Name("L4_MSG_MAX_WORDS")
        public static final int MAX_WORDS = Registers.LAST_MR;

        private Tag() {}
    }

    /** 2.5 Fpages: base bits 31..10 aligned to the size, s = log2 of the size in bits 9..4, rights in 2..0. */
    @C.Group(section = "2.5", prefix = "L4_FPAGE_")
    public static final class Fpage {
        public static final int BASE_MASK = 0xFFFF_FC00;
        public static final BitField SIZE = new BitField(4, 6);
        public static final BitField RIGHTS = new BitField(0, 3);
        public static final int MIN_LOG2 = Layout.PAGE_LOG2;
        public static final int MAX_LOG2 = 32;
        /** Size field 0: the nil fpage. */
        public static final int NIL = 0;

        private Fpage() {}
    }

    /** 2.5 Rights bits, of fpages and of page faults' access. */
    @C.Group(section = "2.5", prefix = "L4_RIGHTS_", enumTag = "l4_rights")
    public static final class Rights {
        public static final int X = 1;
        public static final int W = 2;
        public static final int R = 4;
        public static final int RX = R | X;
        public static final int RW = R | W;
        public static final int RWX = R | W | X;

        private Rights() {}
    }

    /** 2.5 Typed items: two words after the untyped ones; word 0 holds the send base and the type. */
    @C.Group(section = "2.5", prefix = "L4_ITEM_")
    public static final class TypedItem {
        public static final int WORDS = 2;
        public static final int SEND_BASE_MASK = Fpage.BASE_MASK;
        public static final BitField TYPE = new BitField(1, 3);

        private TypedItem() {}
    }

    /** 2.5 A typed item's type. */
    @C.Group(section = "2.5", prefix = "L4_ITEM_", enumTag = "l4_typed_item_type")
    public static final class ItemType {
        public static final int MAP = 4;
        public static final int GRANT = 5;

        private ItemType() {}
    }

    /** 2.6 Virtual time. */
    @C.Group(section = "2.6", prefix = "L4_")
    public static final class Time {
        /** One retired guest instruction: a 100 MIPS machine. */
        public static final int NANOS_PER_INSTRUCTION = 10;
        public static final int NANOS_PER_SYSCALL = 100;
        public static final int NANOS_PER_MICROSECOND = 1000;
        /** The boot info page's ticks per µs. */
        public static final int INSTRUCTIONS_PER_MICROSECOND = NANOS_PER_MICROSECOND / NANOS_PER_INSTRUCTION;
        /** 10 ms of virtual time. */
        public static final int TIME_SLICE_INSTRUCTIONS = 1_000_000;

        private Time() {}
    }

    /** 3 System call numbers, with their names and how many argument registers each reads. */
    @C.Group(section = "3", prefix = "L4_SYSCALL_", enumTag = "l4_syscall")
    public static final class Syscall {
        public static final int KDEBUG = 0;
        public static final int IPC = 1;
        public static final int THREAD_SWITCH = 2;
        public static final int SYSTEM_CLOCK = 3;
        public static final int EXCHANGE_REGISTERS = 4;
        public static final int THREAD_CONTROL = 5;
        public static final int UNMAP = 6;
        public static final int REDIRECT = 7;

        private Syscall() {}

        /** The call's name, or null for a number the ABI does not define. */
        public static String name(int number) {
            return switch (number) {
                case KDEBUG -> "kdebug";
                case IPC -> "ipc";
                case THREAD_SWITCH -> "thread_switch";
                case SYSTEM_CLOCK -> "system_clock";
                case EXCHANGE_REGISTERS -> "exchange_registers";
                case THREAD_CONTROL -> "thread_control";
                case UNMAP -> "unmap";
                case REDIRECT -> "redirect";
                default -> null;
            };
        }

        /** Arguments 0..n-1 the call reads; 0 for a number the ABI does not define. */
        public static int argumentCount(int number) {
            return switch (number) {
                case KDEBUG -> 3;
                case IPC, EXCHANGE_REGISTERS, THREAD_CONTROL, REDIRECT -> 4;
                case THREAD_SWITCH -> 1;
                case UNMAP -> 2;
                default -> 0;
            };
        }
    }

    /** 3.1 Error codes: IPC's dope and ErrorCode, the other calls' result 0. */
    @C.Group(section = "3.1", prefix = "L4_ERROR_", enumTag = "l4_error", namesMacro = "L4_ERROR_NAMES")
    public static final class ErrorCode {
        public static final int NONE = 0;
        public static final int TIMEOUT = 1;
        /** Nonexistent, exited, deleted or stopped by a fault; a monitor on the path died. */
        public static final int NO_PARTNER = 2;
        public static final int CANCELLED = 3;
        public static final int MESSAGE_OVERFLOW = 4;
        public static final int DELAY_TIMEOUT = 5;
        public static final int NOT_PERMITTED = 6;
        /** Reserved: l4emu never returns it. */
        public static final int ABORTED = 7;
        /** A monitor ended the IPC with option 1; ErrorCode holds the monitor's code. */
        public static final int MONITOR = 8;
        public static final int INVALID_ARGUMENT = 9;

        private ErrorCode() {}

        /** The code's name ("timeout", "no partner", ...), or null for a code the ABI does not define. */
        public static String name(int code) {
            return switch (code) {
                case NONE -> "no error";
                case TIMEOUT -> "timeout";
                case NO_PARTNER -> "no partner";
                case CANCELLED -> "cancelled";
                case MESSAGE_OVERFLOW -> "message overflow";
                case DELAY_TIMEOUT -> "delay timeout";
                case NOT_PERMITTED -> "not permitted";
                case ABORTED -> "aborted";
                case MONITOR -> "monitor error";
                case INVALID_ARGUMENT -> "invalid argument";
                default -> null;
            };
        }
    }

    /** 3.2 The phase an IPC error belongs to (dope bit 12). */
    @C.Group(section = "3.2", prefix = "L4_PHASE_", enumTag = "l4_phase")
    public static final class Phase {
        public static final int SEND = 0;
        public static final int RECEIVE = 1;

        private Phase() {}
    }

    /** 3.2 ipc's timeouts word (send << 16 | receive) and each 16-bit half: m · 2^e µs, 0 = never. */
    @C.Group(section = "3.2", prefix = "L4_TIMEOUT_")
    public static final class Timeouts {
        public static final BitField SEND = new BitField(16, 16);
        public static final BitField RECEIVE = new BitField(0, 16);
        /** Must be 0 in each half. */
        public static final int RESERVED_BIT = 1 << 15;
        public static final BitField EXPONENT = new BitField(10, 5);
        public static final BitField MANTISSA = new BitField(0, 10);
        public static final int NEVER = 0;
        /** m = 0, e = 1. */
        public static final int ZERO = 0x0400;

        private Timeouts() {}
    }

    /** 3.2 The send descriptor: bits 31..4 the parameter block's address, 3..1 option code, 0 O. */
    @C.Group(section = "3.2", prefix = "L4_SND_DESC_")
    public static final class SendDescriptor {
        public static final int BLOCK_MASK = 0xFFFF_FFF0;
        public static final BitField OPTION = new BitField(1, 3);
        /** O: this send uses an option. */
        public static final int OPTION_BIT = 1;
        /** No parameter block, no option. */
        public static final int NONE = 0;

        private SendDescriptor() {}
    }

    /** 3.2 Option codes (the paper's Table 1); 1-7 are for monitors. */
    @C.Group(section = "3.2", prefix = "L4_OPTION_", enumTag = "l4_option")
    public static final class Option {
        public static final int UNRELIABLE = 0;
        /** To a blocked source; MR1 = the error code it gets in ErrorCode. */
        public static final int ERROR = 1;
        /** Passes a controller notification on to a monitor of the same path. */
        public static final int NOTIFICATION = 2;
        /** Releases a blocked source. */
        public static final int UNBLOCKING = 3;
        /** Deceit: the parameter block names the true source. */
        public static final int DECEIT = 4;
        public static final int DECEIT_BLOCKED_SOURCE = 5;
        public static final int DECEIT_CONTROLLING_MONITOR = 6;
        public static final int DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR = 7;

        private Option() {}

        /** Options 4-7 forward with deceit. */
        public static boolean isDeceit(int option) {
            return option >= DECEIT;
        }

        /** Options 5 and 7 name a blocked source. */
        public static boolean namesBlockedSource(int option) {
            return option == DECEIT_BLOCKED_SOURCE || option == DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR;
        }

        /** Options 6 and 7 name a controlling monitor. */
        public static boolean namesControllingMonitor(int option) {
            return option == DECEIT_CONTROLLING_MONITOR || option == DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR;
        }
    }

    /** 3.2 The IPC parameter block: 16 bytes, 16-byte aligned. */
    @C.Group(section = "3.2", prefix = "L4_IPC_PARAMS_")
    public static final class ParameterBlock {
        public static final int TRUE_SOURCE_OFFSET = 0;
        public static final int BLOCKED_SOURCE_OFFSET = 4;
        public static final int CONTROLLING_MONITOR_OFFSET = 8;
        /** µs, 0 = none; read whenever a block is given. */
        public static final int DELAY_TIMEOUT_OFFSET = 12;
        public static final int SIZE = 16;

        private ParameterBlock() {}
    }

    /** 3.2 The dope, ipc's result 1. */
    @C.Group(section = "3.2", prefix = "L4_DOPE_")
    public static final class Dope {
        /** O: an option was received; its code is in OPTION. */
        public static final int OPTION_BIT = 1;
        public static final BitField OPTION = new BitField(1, 3);
        /** R: the message was redirected to this receiver, a monitor on its path. */
        public static final BitField REDIRECTED = new BitField(4, 1);
        /** D: from is a claimed (deceited) source; only ever with R. */
        public static final BitField DECEIT = new BitField(5, 1);
        public static final BitField ERROR = new BitField(8, 4);
        public static final BitField PHASE = new BitField(12, 1);
        /** What a controller notification arrives with: O, option 2. */
        public static final int NOTIFICATION = OPTION_BIT | Option.NOTIFICATION << 1;

        private Dope() {}
    }

    /** 3.3 The page-fault message, sent to the Pager. */
    @C.Group(section = "3.3", prefix = "L4_PAGE_FAULT_")
    public static final class PageFault {
        /** Or'ed with the access that faulted (rights bits). */
        public static final int LABEL = 0xFFE0;
        public static final int ACCESS_MASK = 7;
        public static final int WORDS = 2;
        public static final int ADDRESS_MR = 1;
        public static final int IP_MR = 2;

        private PageFault() {}
    }

    /** 3.3 The exception message, sent to the ExceptionHandler. */
    @C.Group(section = "3.3", prefix = "L4_EXCEPTION_")
    public static final class ExceptionMessage {
        public static final int LABEL = 0xFFC0;
        public static final int WORDS = 4;
        public static final int IP_MR = 1;
        public static final int SP_MR = 2;
        public static final int CODE_MR = 3;
        public static final int ADDRESS_MR = 4;
        /** A reply with at least this many untyped words resumes at ip = MR1, sp = MR2. */
        public static final int RESUME_WORDS = 2;

        private ExceptionMessage() {}
    }

    /** 3.3 Exception codes, MR3 of an exception message. */
    @C.Group(section = "3.3", prefix = "L4_EXCEPTION_", enumTag = "l4_exception_code")
    public static final class ExceptionCode {
        public static final int UNDEFINED_INSTRUCTION = 1;
        public static final int ALIGNMENT = 2;
        public static final int PRIVILEGED_INSTRUCTION = 3;
        public static final int DIVIDE = 4;
        public static final int BREAKPOINT = 5;
        public static final int OTHER = 6;

        private ExceptionCode() {}

        /** The exception's name ("undefined instruction", ...), or null for a code the ABI does not define. */
        public static String name(int code) {
            return switch (code) {
                case UNDEFINED_INSTRUCTION -> "undefined instruction";
                case ALIGNMENT -> "alignment";
                case PRIVILEGED_INSTRUCTION -> "privileged instruction";
                case DIVIDE -> "divide error";
                case BREAKPOINT -> "breakpoint";
                case OTHER -> "other";
                default -> null;
            };
        }
    }

    /** 3.3 The controller notification (semantics M6): from nilthread, dope 0x5. */
    @C.Group(section = "3.3", prefix = "L4_NOTIFICATION_")
    public static final class Notification {
        public static final int WORDS = 4;
        /** Label 0, the kernel flag, u = 4: 0x8004. */
        public static final int TAG = Tag.KERNEL_FLAG | WORDS;
        public static final int BLOCKED_SOURCE_MR = 1;
        /** As the last hop saw it. */
        public static final int TRUE_SOURCE_MR = 2;
        public static final int FINAL_RECEIVER_MR = 3;
        /** 0 at final delivery, else the error code the source would get. */
        public static final int ERROR_MR = 4;

        private Notification() {}
    }

    /** 3.4 kdebug operations. */
    @C.Group(section = "3.4", prefix = "L4_KDEBUG_", enumTag = "l4_kdebug_op")
    public static final class KdebugOp {
        public static final int PUTC = 0;
        public static final int WRITE = 1;
        public static final int SHUTDOWN = 2;
        public static final int BREAKPOINT = 3;
        public static final int EXIT_THREAD = 4;

        private KdebugOp() {}
    }

    /** 3.4 kdebug's limits. */
    @C.Group(section = "3.4", prefix = "L4_KDEBUG_")
    public static final class Kdebug {
        /** The longest console write; a longer one is error 9. */
        public static final int MAX_WRITE = 64 * 1024;

        private Kdebug() {}
    }

    /** 3.7 exchange_registers' control bits. */
    @C.Group(section = "3.7", prefix = "L4_EXREGS_", enumTag = "l4_exchange_registers_control")
    public static final class ExchangeRegisters {
        public static final int SET_SP_IP = 1;
        /** Start a halted thread. */
        public static final int RESUME = 2;
        public static final int HALT = 4;

        private ExchangeRegisters() {}
    }

    /** 3.9 unmap's flags. */
    @C.Group(section = "3.9", prefix = "L4_UNMAP_")
    public static final class Unmap {
        /** Bit 0: revoke from the caller's own pages too. */
        public static final int ALSO_OWN = 1;

        private Unmap() {}
    }

    /** 3.10 redirect's op word: bits 1..0 the action, 9..8 the monitor's class; the rest 0. */
    @C.Group(section = "3.10", prefix = "L4_REDIRECT_")
    public static final class RedirectOp {
        public static final BitField ACTION = new BitField(0, 2);
        public static final BitField CLASS = new BitField(8, 2);

        private RedirectOp() {}
    }

    /** 3.10 redirect's actions. */
    @C.Group(section = "3.10", prefix = "L4_REDIRECT_", enumTag = "l4_redirect_op")
    public static final class RedirectAction {
        public static final int ADD = 0;
        /** The rule(s) with the same source, dest and monitor. */
        public static final int REMOVE = 1;

        private RedirectAction() {}
    }

    /**
     * 3.10 and 4.2 Monitor classes, in path order (semantics R1): redirect's class field, the
     * {@code class} of a {@code <redirect>} element (by name), and a trace's redirect events.
     */
    @C.Group(section = "3.10", prefix = "L4_MONITOR_CLASS_CODE_")
    public static final class MonitorClass {
        public static final int SOURCE = 0;
        public static final int SYSTEM = 1;
        public static final int DESTINATION = 2;

        private MonitorClass() {}

        /** The class's name in descriptions and traces, or null for a code the ABI does not define. */
        public static String name(int code) {
            return switch (code) {
                case SOURCE -> "source";
                case SYSTEM -> "system";
                case DESTINATION -> "destination";
                default -> null;
            };
        }
    }

    /** 4.2 A system description's limits and defaults. */
    @C.Group(section = "4.2", prefix = "L4_DESCRIPTION_")
    public static final class Description {
        /** 60 s. */
        public static final long DEFAULT_MAX_TIME_US = 60_000_000L;
        public static final int MAX_PRIORITY = 255;
        public static final int DEFAULT_PRIORITY = 100;
        public static final int DEFAULT_MAX_THREADS = 1024;
        public static final int DEFAULT_MAX_MAPPINGS = 65536;
        public static final int DEFAULT_MAX_NOTIFICATIONS = 64;
        /** Every quota is 1 to this. */
        public static final int MAX_QUOTA = 1_000_000;
        /** A {@code <thread>}'s stack: any positive number of bytes, rounded up to whole pages. */
        public static final int DEFAULT_STACK_SIZE = 4096;

        private Description() {}
    }

    /** 4.6 Exit codes of {@code l4emu} (besides a guest's shutdown code, which passes through). */
    @C.Group(section = "4.6", prefix = "L4_EXIT_")
    public static final class ExitCode {
        /** boot: every thread has ended; other commands: success. */
        public static final int ALL_EXITED = 0;
        /** A test case, a fuzz run or a check failed. */
        public static final int FAILED = 1;
        /** The host lacks something the command needs (the engine library) or cannot write its output. */
        public static final int ENVIRONMENT = 1;
        /** Bad input: the image, the description, a file or the options. */
        public static final int BAD_INPUT = 2;
        /** No thread can run and no timeout is pending. */
        public static final int DEADLOCK = 3;
        /** A fault nothing resolved, with --stop-on-fault. */
        public static final int UNHANDLED_FAULT = 4;
        /** A host error: never the answer to any guest input. */
        public static final int INTERNAL_ERROR = 70;
        /** The virtual-time or instruction limit was reached. */
        public static final int LIMIT_REACHED = 124;
        /** kdebug shutdown's code becomes the exit code masked to a process's exit status. */
        public static final int SHUTDOWN_MASK = 0xFF;

        private ExitCode() {}
    }
}
