package org.l4emu.emulator.arm;

/**
 * The syndrome (ESR format) QEMU records with every exception it raises. l4emu uses its
 * exception class to tell an undefined instruction from a YIELD or WFE hint, which Unicorn
 * reports the same way ({@code UC_ERR_INSN_INVALID}) although only the former raised anything.
 */
final class ExceptionSyndrome {
    /** Exception class 0x3F is reserved: no real exception records it. */
    static final int POISON = 0xFFFF_FFFF;

    private static final int SUPERVISOR_CALL = 0x11;
    private static final int INSTRUCTION_ABORT_LOWER = 0x20;
    private static final int INSTRUCTION_ABORT_SAME = 0x21;
    private static final int DATA_ABORT_LOWER = 0x24;
    private static final int DATA_ABORT_SAME = 0x25;
    private static final int BREAKPOINT_INSTRUCTION = 0x38;
    private static final int POISON_CLASS = 0x3F;

    private ExceptionSyndrome() {
    }

    static int exceptionClass(int syndrome) {
        return syndrome >>> 26;
    }

    static boolean isDataAbort(int syndrome) {
        int ec = exceptionClass(syndrome);
        return ec == DATA_ABORT_LOWER || ec == DATA_ABORT_SAME;
    }

    static boolean isSupervisorCall(int syndrome) {
        return exceptionClass(syndrome) == SUPERVISOR_CALL;
    }

    /**
     * True when the last exception raised was an undefined-instruction one (uncategorized,
     * trapped coprocessor or FP access, trapped WFx...): every class except those of the
     * exceptions Unicorn hands to the interrupt hook, and except the poison.
     */
    static boolean isUndefinedInstruction(int syndrome) {
        return switch (exceptionClass(syndrome)) {
            case SUPERVISOR_CALL, INSTRUCTION_ABORT_LOWER, INSTRUCTION_ABORT_SAME, DATA_ABORT_LOWER, DATA_ABORT_SAME,
                    BREAKPOINT_INSTRUCTION, POISON_CLASS -> false;
            default -> true;
        };
    }
}
