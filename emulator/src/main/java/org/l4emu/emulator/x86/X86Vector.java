package org.l4emu.emulator.x86;

/**
 * Interrupt vectors Unicorn passes to interrupt hooks on x86, as IA-32 numbers them. Unicorn
 * reports #UD mostly not through the hook but as {@code UC_ERR_INSN_INVALID} from
 * {@code uc_emu_start}. Most memory faults arrive at the invalid-memory hook instead; page
 * faults (14) only with paging, for accesses against a mapped page's rights.
 */
final class X86Vector {
    static final int DIVIDE_ERROR = 0;
    /** #DB: single step (EFLAGS.TF) or {@code icebp}; a trap, raised after the instruction. */
    static final int DEBUG = 1;
    /** {@code int3}: a trap, raised after the instruction. */
    static final int BREAKPOINT = 3;
    /** {@code into}: a trap. */
    static final int OVERFLOW = 4;
    static final int BOUND_RANGE = 5;
    static final int INVALID_OPCODE = 6;
    /** #NM: x87 instructions, as CR0.EM is set. */
    static final int DEVICE_NOT_AVAILABLE = 7;
    /** #TS: here only from {@code iret} with EFLAGS.NT set, a task return (see {@link UserModeEntry}); also {@code int $0xa}. */
    static final int INVALID_TSS = 10;
    static final int GENERAL_PROTECTION = 13;
    /** #PF: with paging, an access against a mapped page's rights (CR2 holds the address); also {@code int $0xe}. */
    static final int PAGE_FAULT = 14;
    static final int ALIGNMENT_CHECK = 17;
    /** {@code int $0x80}, the system call (ABI section 1). */
    static final int SYSCALL = 0x80;

    /** No hook call happened during the run. */
    static final int NONE = -1;

    private X86Vector() {
    }

    /**
     * True when {@code vector} can only have come from an {@code int n} instruction: in the
     * state l4emu keeps the CPU in (no IDT use, flat present segments, page faults taken
     * apart before) the CPU raises no other exception with it. A real CPU would raise #GP at such an {@code int n},
     * as no gate but the system call's lets user mode in.
     */
    static boolean onlyFromSoftwareInterrupt(int vector) {
        return switch (vector) {
            case DIVIDE_ERROR, DEBUG, BREAKPOINT, OVERFLOW, BOUND_RANGE, INVALID_OPCODE, DEVICE_NOT_AVAILABLE,
                    GENERAL_PROTECTION, ALIGNMENT_CHECK, SYSCALL -> false;
            default -> true;
        };
    }
}
