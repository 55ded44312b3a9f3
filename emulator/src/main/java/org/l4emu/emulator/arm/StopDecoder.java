package org.l4emu.emulator.arm;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.engine.ContinuedRun;
import org.l4emu.emulator.unicorn.UcError;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.UnicornException;

/**
 * Works out why one {@code uc_emu_start} returned: the {@link Trap}, or none when a hint
 * instruction merely paused the CPU, and how many instructions completed.
 *
 * <p>Counting. With {@code count = n} Unicorn calls a counting hook before each instruction;
 * it increments {@code emu_counter} and stops the CPU, before the instruction, once the counter
 * exceeds n. So the counter is the number of instructions started. A svc counts (it completes by
 * raising its exception, and the thread resumes after it). An instruction that aborts, is
 * undefined or is a bkpt had its hook run but did not complete, and resuming re-executes it, so
 * it is not counted. A prefetch abort happens while fetching, before the hook, so nothing is
 * subtracted. When the budget runs out the counter is n + 1 and exactly n completed.
 */
final class StopDecoder implements ContinuedRun.Stops<ArmCpuContext> {
    private final ArmCpu cpu;
    private long completed;

    StopDecoder(ArmCpu cpu) {
        this.cpu = cpu;
    }

    @Override
    public long completed() {
        return completed;
    }

    /**
     * Saves the registers into {@code thread} and returns why the run that returned
     * {@code code} stopped, or {@code null} when it should go on: WFI, WFE and YIELD stop the
     * CPU after completing (there are no interrupts or events to wait for, so they act as nops).
     */
    @Override
    public Trap decode(int code, ArmCpuContext thread, long budget) {
        int exception = cpu.pendingException();
        long started = cpu.startedInstructions();
        cpu.saveInto(thread);
        int pc = thread.instructionPointer();
        if (exception != ArmException.NONE) {
            if (code != UcError.OK.code()) {
                throw new UnicornException("uc_emu_start", code, Unicorn.describe(code));
            }
            return hookedException(exception, started, pc);
        }
        if (code == UcError.INSN_INVALID.code()) {
            // Unicorn reports undefined instructions and the YIELD/WFE hints alike, without the hook.
            if (cpu.record().undefinedInstructionRaised()) {
                completed = started - 1;
                return new Trap.CpuException(Trap.Kind.UNDEFINED_INSTRUCTION, pc, pc);
            }
            completed = started;
            return null;
        }
        if (code == UcError.EXCEPTION.code()) {
            // An exception Unicorn gives no hook (such as an illegal state change).
            completed = started - 1;
            return new Trap.CpuException(Trap.Kind.OTHER, pc, pc);
        }
        if (code != UcError.OK.code()) {
            throw new UnicornException("uc_emu_start", code, Unicorn.describe(code));
        }
        if (started > budget) {
            completed = budget;
            return Trap.BUDGET_EXHAUSTED;
        }
        if (started == 0) {
            throw new IllegalStateException("the CPU stopped at 0x" + Integer.toHexString(pc) + " without progress");
        }
        // WFI halted the CPU after completing.
        completed = started;
        return null;
    }

    private Trap hookedException(int exception, long started, int pc) {
        switch (exception) {
            case ArmException.SUPERVISOR_CALL -> {
                completed = started;
                return Trap.SYSCALL;
            }
            case ArmException.PREFETCH_ABORT -> {
                completed = started;
                return abort(cpu.record().faultStatus(), cpu.record().faultAddress(), pc, Access.EXECUTE);
            }
            case ArmException.DATA_ABORT -> {
                completed = started - 1;
                int status = cpu.record().faultStatus();
                return abort(status, cpu.record().faultAddress(), pc, FaultStatus.isWrite(status) ? Access.WRITE : Access.READ);
            }
            case ArmException.BREAKPOINT -> {
                completed = started - 1;
                return new Trap.CpuException(Trap.Kind.BREAKPOINT, pc, pc);
            }
            case ArmException.UNDEFINED_INSTRUCTION -> {
                completed = started - 1;
                return new Trap.CpuException(Trap.Kind.UNDEFINED_INSTRUCTION, pc, pc);
            }
            default -> {
                completed = started - 1;
                return new Trap.CpuException(Trap.Kind.OTHER, pc, pc);
            }
        }
    }

    private static Trap abort(int status, int address, int pc, Access access) {
        if (FaultStatus.isPageFault(status)) {
            return new Trap.PageFault(address, access, pc);
        }
        Trap.Kind kind = FaultStatus.isAlignment(status) ? Trap.Kind.ALIGNMENT : Trap.Kind.OTHER;
        return new Trap.CpuException(kind, address, pc);
    }
}
