package org.l4emu.emulator.x86;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.unicorn.UcError;
import org.l4emu.emulator.unicorn.UcMemType;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.UnicornException;

/**
 * Works out why one {@code uc_emu_start} on an x86 CPU returned: the {@link Trap}, and how many
 * instructions completed.
 *
 * <p>Counting, as on arm: the count hook increments {@code emu_counter} before each
 * instruction, so the counter is the number of instructions started. {@code int $0x80}
 * completes (EIP is after it). An instruction that faults on data, is undefined or raises a
 * fault-class exception (#DE, #BR, #NM, #GP) had its hook run but did not complete, and EIP is
 * still at it, so it is not counted. A fetch fault happens while translating, before any hook
 * of the block, so nothing is subtracted; if the faulting instruction straddles into the page
 * and is not the first of its block, EIP is at the block's first instruction, which resuming
 * runs again from there, consistently. {@code int3} is reported like arm's {@code bkpt}: the
 * thread stays at the breakpoint, uncounted, and resumes by running it again unless its
 * handler moves it on. Any other {@code int n} is refused as a real CPU without a user gate
 * would, as a privileged instruction at the {@code int}, uncounted, for every vector: also for
 * those the CPU raises itself (#DE, #DB, #OF, #BR, #UD, #NM, #GP, #AC), which Unicorn reports
 * alike but for EIP, after the {@code int} and at a faulting instruction. Which it was is told by
 * the bytes: {@code CD n} just before EIP, and at EIP no instruction that raises the vector
 * ({@link #raisedAt}); {@code int $6} alone stops as an undefined instruction, at the {@code int}.
 * The rule can only err for a real exception right after bytes that read {@code CD n} (the tail
 * of another instruction, such as {@code imul $13, %ebp, %ecx}) at an instruction it does not
 * recognise as raising the vector (a #GP from a memory access through a segment the thread made
 * unusable), or for a single-step trap after such bytes; it errs the same way on every engine.
 */
final class X86StopDecoder {
    private static final int INT3_OPCODE = 0xCC;
    private static final int IRET_OPCODE = 0xCF;
    private static final int OPERAND_SIZE_PREFIX = 0x66;
    private static final int INT3_LENGTH = 1;
    /** {@code int imm8} ({@code CD ib}), also how {@code int $3} can be written. */
    private static final int INT_N_OPCODE = 0xCD;
    private static final int INT_N_LENGTH = 2;
    private static final int INTO_OPCODE = 0xCE;
    private static final int BOUND_OPCODE = 0x62;
    private static final int TWO_BYTE_ESCAPE = 0x0F;
    private static final int INS_BYTE_OPCODE = 0x6C;
    private static final int OUTS_WORD_OPCODE = 0x6F;
    /** The most prefixes an instruction can have (it is at most 15 bytes long). */
    private static final int MAX_PREFIXES = 14;
    /** EFLAGS.TF: single stepping. */
    private static final int EFLAGS_TF = 0x100;
    /** EFLAGS.VM: virtual-8086 mode. */
    private static final int EFLAGS_VM = 0x2_0000;

    private final PhysicalMemory memory;
    private long completed;
    private boolean exceptionTaken;

    X86StopDecoder(PhysicalMemory memory) {
        this.memory = memory;
    }

    /** Instructions completed in the run last decoded. */
    long completed() {
        return completed;
    }

    /**
     * True when the run last decoded stopped at an exception the hook took (QEMU now remembers
     * it, see {@link X86Cpu}): the CPU must forget it before it runs again.
     */
    boolean exceptionTaken() {
        return exceptionTaken;
    }

    /**
     * Returns why the run that returned {@code code} stopped, as {@code stop} recorded it (a
     * refused access at a linear address), or {@code null} when it should go on.
     * {@code thread}, which ran last, in {@code space}, has its registers saved already. The
     * counts are its counter's, read as the run stopped (working out a protection fault may run
     * the instruction again, which counts anew): {@code started}, the instructions whose count
     * hook ran, the completed ones and one that trapped while executing; {@code atPause}, those
     * completed if the run paused without an exception, and {@code limit}, the run's budget.
     * A thread found in virtual-8086 mode leaves it here, whatever stopped it ({@link #inVirtual8086}).
     */
    Trap decode(AddressSpace space, StopRecord stop, int code, X86CpuContext thread, long started, long atPause,
            long limit) {
        if (inVirtual8086(thread)) {
            return virtual8086(stop, code, thread, started, atPause);
        }
        stop.undoRefusedInstruction(thread);
        int vector = stop.vector();
        int eip = thread.instructionPointer();
        exceptionTaken = false;
        if (stop.refusedInstruction() != null) {
            completed = stop.startedAtRefusedInstruction() - 1;
            exceptionTaken = vector != X86Vector.NONE;
            return new Trap.CpuException(stop.refusedInstruction(), eip, eip);
        }
        if (stop.faultPending()) {
            int type = stop.faultType();
            if (!UcMemType.isFetch(type) && isPortString(space, eip)) {
                // The I/O permission check comes before any access: QEMU's ins and outs fault on memory first.
                completed = started - 1;
                return new Trap.CpuException(Trap.Kind.PRIVILEGED_INSTRUCTION, eip, eip);
            }
            completed = UcMemType.isFetch(type) ? started : started - 1;
            Access access = UcMemType.isFetch(type) ? Access.EXECUTE : UcMemType.isWrite(type) ? Access.WRITE : Access.READ;
            return new Trap.PageFault((int) stop.faultAddress(), access, eip);
        }
        if (vector != X86Vector.NONE) {
            if (code != UcError.OK.code()) {
                throw new UnicornException("uc_emu_start", code, Unicorn.describe(code));
            }
            if (vector == X86Vector.SYSCALL) {
                completed = started;
                return Trap.SYSCALL;
            }
            exceptionTaken = true;
            return exception(space, vector, thread, started, eip);
        }
        if (code == UcError.INSN_INVALID.code()) {
            completed = started - 1;
            // Unicorn stops at int $6 as at an undefined instruction, with EIP at the int.
            boolean softwareInterrupt = codeByte(space, eip) == INT_N_OPCODE
                    && codeByte(space, eip + 1) == X86Vector.INVALID_OPCODE;
            return new Trap.CpuException(softwareInterrupt ? Trap.Kind.PRIVILEGED_INSTRUCTION
                    : Trap.Kind.UNDEFINED_INSTRUCTION, eip, eip);
        }
        if (code == UcError.EXCEPTION.code()) {
            completed = started - 1;
            exceptionTaken = true;
            return new Trap.CpuException(Trap.Kind.OTHER, eip, eip);
        }
        if (code != UcError.OK.code()) {
            throw new UnicornException("uc_emu_start", code, Unicorn.describe(code));
        }
        completed = atPause;
        if (completed == limit) {
            return Trap.BUDGET_EXHAUSTED;
        }
        if (completed == 0) {
            throw new IllegalStateException("the CPU stopped at 0x" + Integer.toHexString(eip) + " without progress");
        }
        return null;
    }

    /**
     * True when {@code thread}, as the CPU saved it, is in virtual-8086 mode. A CPU enters it
     * only by an {@code iret} at CPL 0, but QEMU's {@code iret} takes EFLAGS.VM from the image
     * at any CPL, so a thread can get there from ring 3 with CS, and every segment the frame
     * names, loaded real-mode style (base = selector * 16, 16-bit code). No other thread may
     * run on that CPU state, and the selectors are not ones a protected-mode CPU can load.
     */
    static boolean inVirtual8086(X86CpuContext thread) {
        return (thread.register(X86CpuContext.EFLAGS) & EFLAGS_VM) != 0;
    }

    /**
     * The stop of a thread {@link #inVirtual8086}, whatever ended the run (its budget, a page
     * fault, an exception): a privileged-instruction exception at ip 0, with its segments and
     * EFLAGS back to what a ring-3 thread can hold. Where it stood means nothing in protected
     * mode (an offset from a real-mode CS base), and the engines do not agree on it (Unicorn
     * 2.0.1 reads EIP back with the CS base added after some stops), so the thread is put at 0
     * for its handler to move. The CPU must forget its state ({@link #exceptionTaken()}): only
     * the snapshot taken after set-up leaves the mode.
     */
    private Trap virtual8086(StopRecord stop, int code, X86CpuContext thread, long started, long atPause) {
        int vector = stop.vector();
        boolean trapAfter = vector == X86Vector.DEBUG || vector == X86Vector.OVERFLOW;
        boolean stoppedAtInstruction = !trapAfter && (stop.faultPending() || vector != X86Vector.NONE
                || code != UcError.OK.code());
        completed = trapAfter ? started : stoppedAtInstruction ? started - 1 : atPause;
        exceptionTaken = true;
        thread.leaveVirtual8086();
        thread.setInstructionPointer(0);
        return new Trap.CpuException(Trap.Kind.PRIVILEGED_INSTRUCTION, 0, 0);
    }

    private Trap exception(AddressSpace space, int vector, X86CpuContext thread, long started, int eip) {
        if (vector == X86Vector.INVALID_TSS && isTaskReturn(space, thread, eip)) {
            completed = started - 1;
            return new Trap.CpuException(Trap.Kind.PRIVILEGED_INSTRUCTION, eip, eip);
        }
        if (vector != X86Vector.BREAKPOINT && softwareInterrupt(space, vector, thread, eip)) {
            return uncountedAt(thread, INT_N_LENGTH, Trap.Kind.PRIVILEGED_INSTRUCTION, started);
        }
        switch (vector) {
            case X86Vector.BREAKPOINT -> {
                int length = codeByte(space, eip - INT3_LENGTH) == INT3_OPCODE ? INT3_LENGTH : INT_N_LENGTH;
                return uncountedAt(thread, length, Trap.Kind.BREAKPOINT, started);
            }
            case X86Vector.DEBUG -> {
                // A single-step trap after a completed instruction: the thread is at the next one.
                completed = started;
                return new Trap.CpuException(Trap.Kind.BREAKPOINT, eip, eip);
            }
            case X86Vector.OVERFLOW -> {
                completed = started;
                return new Trap.CpuException(Trap.Kind.OTHER, eip, eip);
            }
            default -> {
                completed = started - 1;
                return new Trap.CpuException(faultKind(vector), eip, eip);
            }
        }
    }

    /** True when {@code vector}, with the thread at {@code eip}, came from an {@code int n} and not from the CPU. */
    private boolean softwareInterrupt(AddressSpace space, int vector, X86CpuContext thread, int eip) {
        if (X86Vector.onlyFromSoftwareInterrupt(vector)) {
            return true;
        }
        if (codeByte(space, eip - INT_N_LENGTH) != INT_N_OPCODE || codeByte(space, eip - 1) != vector) {
            return false;
        }
        if (vector == X86Vector.DEBUG) {
            return (thread.register(X86CpuContext.EFLAGS) & EFLAGS_TF) == 0;
        }
        return !raisedAt(space, vector, eip);
    }

    /**
     * True when the instruction at {@code eip} is one that raises {@code vector} as a fault (EIP
     * stays at it): a divide or {@code aam} for #DE, {@code bound} for #BR, an x87 instruction
     * for #NM, for #GP an instruction ring 3 may not run or a segment load; #OF ({@code into}
     * is a trap, EIP after its {@code CE}, which {@code CD 04} is not) and #AC (QEMU never raises
     * it) never.
     */
    private boolean raisedAt(AddressSpace space, int vector, int eip) {
        int at = opcodeAddress(space, eip);
        int opcode = codeByte(space, at);
        int next = codeByte(space, at + 1);
        return switch (vector) {
            case X86Vector.DIVIDE_ERROR -> (opcode == 0xF6 || opcode == 0xF7) && (next >> 3 & 7) >= 6 || opcode == 0xD4;
            case X86Vector.BOUND_RANGE -> opcode == BOUND_OPCODE;
            case X86Vector.INVALID_OPCODE -> true;
            case X86Vector.DEVICE_NOT_AVAILABLE -> opcode >= 0xD8 && opcode <= 0xDF;
            case X86Vector.GENERAL_PROTECTION -> opcode == TWO_BYTE_ESCAPE ? privilegedTwoByte(next)
                    : opcode == 0xFF ? (next >> 3 & 7) == 3 || (next >> 3 & 7) == 5 : privilegedOneByte(opcode);
            default -> false;
        };
    }

    /** The address of the opcode of the instruction at {@code eip}, past its prefixes. */
    private int opcodeAddress(AddressSpace space, int eip) {
        int at = eip;
        for (int i = 0; i < MAX_PREFIXES && isPrefix(codeByte(space, at)); i++) {
            at++;
        }
        return at;
    }

    /** True when the instruction at {@code eip} is {@code ins} or {@code outs} ({@code 6C}-{@code 6F}). */
    private boolean isPortString(AddressSpace space, int eip) {
        int opcode = codeByte(space, opcodeAddress(space, eip));
        return opcode >= INS_BYTE_OPCODE && opcode <= OUTS_WORD_OPCODE;
    }

    private static boolean isPrefix(int value) {
        return switch (value) {
            case 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65, 0x66, 0x67, 0xF0, 0xF2, 0xF3 -> true;
            default -> false;
        };
    }

    /** One-byte opcodes that raise #GP in ring 3 here: hlt, cli, sti, port I/O, far transfers, iret, segment loads (far call and jump through memory, FF /3 and /5, aside). */
    private static boolean privilegedOneByte(int opcode) {
        return switch (opcode) {
            case 0xF4, 0xFA, 0xFB, 0x6C, 0x6D, 0x6E, 0x6F, 0xE4, 0xE5, 0xE6, 0xE7, 0xEC, 0xED, 0xEE, 0xEF,
                    0x9A, 0xEA, 0xCA, 0xCB, 0xCF, 0x8E, 0x07, 0x17, 0x1F, 0xC4, 0xC5 -> true;
            default -> false;
        };
    }

    /** {@code 0F xx} opcodes that raise #GP in ring 3 here: descriptor tables, control and debug registers, MSRs, rdtsc, rdpmc, sysexit, segment loads. */
    private static boolean privilegedTwoByte(int opcode) {
        return switch (opcode) {
            case 0x00, 0x01, 0x06, 0x07, 0x08, 0x09, 0x20, 0x21, 0x22, 0x23, 0x30, 0x31, 0x32, 0x33, 0x35, 0xA1, 0xA9,
                    0xB2, 0xB4, 0xB5 -> true;
            default -> false;
        };
    }

    /** True when the thread, with EFLAGS.NT set, stands at an {@code iret} ({@code CF}, or {@code 66 CF}). */
    private boolean isTaskReturn(AddressSpace space, X86CpuContext thread, int eip) {
        if ((thread.register(X86CpuContext.EFLAGS) & X86CpuContext.EFLAGS_NT) == 0) {
            return false;
        }
        int first = codeByte(space, eip);
        return first == IRET_OPCODE || first == OPERAND_SIZE_PREFIX && codeByte(space, eip + 1) == IRET_OPCODE;
    }

    /** The byte at user address {@code address} of {@code space}, or -1 when it is unmapped. */
    private int codeByte(AddressSpace space, int address) {
        long physical = space.translate(address);
        return physical < 0 ? -1 : Byte.toUnsignedInt(memory.readByte(physical));
    }

    /** A trap-class exception reported like a fault: back at the instruction, which does not count. */
    private Trap uncountedAt(X86CpuContext thread, int instructionLength, Trap.Kind kind, long started) {
        thread.rewind(instructionLength);
        completed = started - 1;
        int at = thread.instructionPointer();
        return new Trap.CpuException(kind, at, at);
    }

    private static Trap.Kind faultKind(int vector) {
        return switch (vector) {
            case X86Vector.DIVIDE_ERROR -> Trap.Kind.DIVIDE_ERROR;
            case X86Vector.INVALID_OPCODE, X86Vector.DEVICE_NOT_AVAILABLE -> Trap.Kind.UNDEFINED_INSTRUCTION;
            case X86Vector.GENERAL_PROTECTION -> Trap.Kind.PRIVILEGED_INSTRUCTION;
            case X86Vector.ALIGNMENT_CHECK -> Trap.Kind.ALIGNMENT;
            default -> Trap.Kind.OTHER;
        };
    }
}
