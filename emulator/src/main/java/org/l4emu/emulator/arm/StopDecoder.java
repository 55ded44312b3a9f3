package org.l4emu.emulator.arm;

import org.l4emu.emulator.Trap;
import org.l4emu.emulator.engine.ContinuedRun;
import org.l4emu.emulator.engine.InstructionCounting;
import org.l4emu.emulator.unicorn.UcError;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.UnicornException;

/**
 * Works out why one {@code uc_emu_start} returned: the {@link Trap}, or none when a hint
 * instruction merely paused the CPU, and how many instructions completed.
 *
 * <p>Counting ({@link InstructionCounting}). A svc counts (it completes by raising its exception,
 * and the thread resumes after it). An instruction that aborts, is undefined or is a bkpt did not
 * complete, and resuming re-executes it, so it is not counted. A prefetch abort happens while
 * fetching, before the instruction began. When the budget runs out exactly the budget completed.
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

    @Override
    public int codeAddress(ArmCpuContext thread) {
        return thread.instructionPointer() & ~1;
    }

    /**
     * Saves the registers into {@code thread} and returns why the run that returned
     * {@code code} stopped, or {@code null} when it should go on: WFI, WFE and YIELD stop the
     * CPU after completing (there are no interrupts or events to wait for, so they act as nops).
     */
    @Override
    public Trap decode(int code, ArmCpuContext thread, long budget) {
        int exception = cpu.pendingException();
        cpu.saveInto(thread);
        int pc = thread.instructionPointer();
        long at = Integer.toUnsignedLong(thread.register(ArmCpuContext.PC));
        InstructionCounting counting = cpu.counting();
        if (exception != ArmException.NONE) {
            if (code != UcError.OK.code()) {
                throw new UnicornException("uc_emu_start", code, Unicorn.describe(code));
            }
            return hookedException(exception, thread, counting, at);
        }
        if (code == UcError.INSN_INVALID.code()) {
            // Unicorn reports undefined instructions and the YIELD/WFE hints alike, without the hook.
            boolean undefined = cpu.aborts().invalidInstruction(at) == Aborts.InvalidInstruction.UNDEFINED;
            completed = counting.completed(at, undefined);
            return undefined ? new Trap.CpuException(Trap.Kind.UNDEFINED_INSTRUCTION, pc, pc) : null;
        }
        if (code == UcError.EXCEPTION.code()) {
            // An exception Unicorn gives no hook (such as an illegal state change).
            completed = counting.completed(at, true);
            return new Trap.CpuException(Trap.Kind.OTHER, pc, pc);
        }
        if (code != UcError.OK.code()) {
            throw new UnicornException("uc_emu_start", code, Unicorn.describe(code));
        }
        completed = counting.completedAtPause(at, budget);
        if (completed == budget) {
            return Trap.BUDGET_EXHAUSTED;
        }
        if (completed == 0) {
            throw new IllegalStateException("the CPU stopped at 0x" + Integer.toHexString(pc) + " without progress");
        }
        // WFI halted the CPU after completing.
        return null;
    }

    private Trap hookedException(int exception, ArmCpuContext thread, InstructionCounting counting, long at) {
        int pc = thread.instructionPointer();
        switch (exception) {
            case ArmException.SUPERVISOR_CALL -> {
                completed = counting.completed(at, false);
                return Trap.SYSCALL;
            }
            case ArmException.PREFETCH_ABORT -> {
                completed = counting.completed(at, false);
                if (at == 0 && cpu.runningSpace().userRights(0).executable()) {
                    // Unicorn's stop at the run's "until" address, 0: the code there goes on in a run of its own.
                    return null;
                }
                return cpu.aborts().prefetchAbort(thread, cpu.runningSpace());
            }
            case ArmException.DATA_ABORT -> {
                completed = counting.completed(at, true);
                return cpu.aborts().dataAbort(thread, cpu.runningSpace());
            }
            case ArmException.BREAKPOINT -> {
                completed = counting.completed(at, true);
                return new Trap.CpuException(Trap.Kind.BREAKPOINT, pc, pc);
            }
            case ArmException.UNDEFINED_INSTRUCTION -> {
                completed = counting.completed(at, true);
                return new Trap.CpuException(Trap.Kind.UNDEFINED_INSTRUCTION, pc, pc);
            }
            default -> {
                completed = counting.completed(at, true);
                return new Trap.CpuException(Trap.Kind.OTHER, pc, pc);
            }
        }
    }
}
