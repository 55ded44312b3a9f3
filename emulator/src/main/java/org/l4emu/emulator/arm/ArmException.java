package org.l4emu.emulator.arm;

/**
 * Exception numbers Unicorn passes to interrupt hooks on arm: QEMU's {@code EXCP_*} constants
 * (target/arm/cpu.h). Unicorn reports EXCP_UDEF and EXCP_YIELD not through the hook but as
 * {@code UC_ERR_INSN_INVALID} from {@code uc_emu_start}.
 */
final class ArmException {
    static final int UNDEFINED_INSTRUCTION = 1;
    static final int SUPERVISOR_CALL = 2;
    static final int PREFETCH_ABORT = 3;
    static final int DATA_ABORT = 4;
    static final int BREAKPOINT = 7;

    /** No hook call happened during the run. */
    static final int NONE = -1;

    private ArmException() {
    }
}
