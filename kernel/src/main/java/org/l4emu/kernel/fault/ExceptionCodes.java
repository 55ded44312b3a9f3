package org.l4emu.kernel.fault;

import org.l4emu.abi.Abi;
import org.l4emu.emulator.Trap;

/** The exception code (ABI section 3.3, the table's) of each kind of CPU exception the machine reports. */
final class ExceptionCodes {
    private ExceptionCodes() {}

    /** MR3 of the exception message. */
    static int of(Trap.Kind kind) {
        return switch (kind) {
            case UNDEFINED_INSTRUCTION -> Abi.ExceptionCode.UNDEFINED_INSTRUCTION;
            case ALIGNMENT -> Abi.ExceptionCode.ALIGNMENT;
            case PRIVILEGED_INSTRUCTION -> Abi.ExceptionCode.PRIVILEGED_INSTRUCTION;
            case DIVIDE_ERROR -> Abi.ExceptionCode.DIVIDE;
            case BREAKPOINT -> Abi.ExceptionCode.BREAKPOINT;
            case OTHER -> Abi.ExceptionCode.OTHER;
        };
    }

    /** "undefined instruction", "divide error", ...: the ABI's name of the kind's code. */
    static String name(Trap.Kind kind) {
        return Abi.ExceptionCode.name(of(kind));
    }
}
