package org.l4emu.emulator.x86;

import org.l4emu.emulator.Trap;
import org.l4emu.emulator.unicorn.InvalidMemoryHook;
import org.l4emu.emulator.unicorn.UcMemType;
import org.l4emu.emulator.unicorn.Unicorn;
import org.l4emu.emulator.unicorn.X86Register;

/**
 * What stopped one {@code uc_emu_start}, as the hooks saw it: the vector the interrupt hook
 * took, and the first access the invalid-memory hook refused (an access straddling two pages
 * can report both halves). Read by {@link X86StopDecoder}.
 *
 * <p>A refused data access also keeps EIP, the general registers and EFLAGS as they stood when
 * it was refused. Unicorn refuses an access by skipping it and asking the CPU to stop, and an
 * instruction QEMU runs as one helper goes on to its end first: a far call skips its pushes,
 * moves ESP below them and jumps to its target; a {@code cmpxchg8b} whose store a read-only
 * page refuses (engines per space) loads EDX:EAX with the old value and clears ZF, so that the
 * call, run again once the page is writable, would compare equal and store. The instruction did
 * not happen, so its thread must stand at it with every register it had (the count hook has EIP
 * at each instruction as it starts; QEMU has the registers and its flags in its state before a
 * helper and before a store, and an inline store stops right after it).
 */
final class StopRecord implements InvalidMemoryHook {
    private final Unicorn unicorn;
    private int vector = X86Vector.NONE;
    private boolean faultPending;
    private int faultType;
    private long faultAddress;
    /** True when the hook refused a data access and kept the registers at that moment. */
    private boolean registersAtRefusal;
    private int instructionPointerAtRefusal;
    /** EAX to ESP, numbered as {@link X86CpuContext}'s registers. */
    private final int[] generalAtRefusal = new int[X86CpuContext.EFLAGS];
    private int flagsAtRefusal;
    /** The exception of an instruction ring 3 may not run that Unicorn ran as a hook, or null. */
    private Trap.Kind refusedInstruction;
    /** The instructions started when it was refused, itself included. */
    private long startedAtRefusedInstruction;

    /** Records the stops of {@code unicorn}'s runs, whose hooks are this record. */
    StopRecord(Unicorn unicorn) {
        this.unicorn = unicorn;
    }

    /** A run starts: nothing seen yet. */
    void clear() {
        vector = X86Vector.NONE;
        faultPending = false;
        registersAtRefusal = false;
        refusedInstruction = null;
    }

    /** The interrupt hook took {@code number}. */
    void interrupted(int number) {
        vector = number;
    }

    /** The vector the interrupt hook took, or {@link X86Vector#NONE}. */
    int vector() {
        return vector;
    }

    /** True when an access was refused (the page fault of the run). */
    boolean faultPending() {
        return faultPending;
    }

    /** The {@code UcMemType} of the refused access. */
    int faultType() {
        return faultType;
    }

    /** The address the hook gave for the refused access (physical with paging, else linear). */
    long faultAddress() {
        return faultAddress;
    }

    /** Replaces what the hooks saw by a refused access of {@code type} at linear {@code address}. */
    void refused(int type, long address) {
        vector = X86Vector.NONE;
        faultPending = true;
        faultType = type;
        faultAddress = address;
    }

    /**
     * Puts {@code thread}'s EIP, general registers and EFLAGS back to where they stood when the
     * hook refused a data access, undoing what the refused instruction did after it (see the
     * class comment).
     */
    void undoRefusedInstruction(X86CpuContext thread) {
        if (registersAtRefusal) {
            for (int number = 0; number < generalAtRefusal.length; number++) {
                thread.setRegister(number, generalAtRefusal[number]);
            }
            thread.restoreFlags(flagsAtRefusal);
            thread.setInstructionPointer(instructionPointerAtRefusal);
        }
    }

    @Override
    public boolean onInvalidAccess(int type, long address, int size) {
        if (!faultPending && refusedInstruction == null) {
            faultPending = true;
            faultType = type;
            faultAddress = address;
            if (!UcMemType.isFetch(type)) {
                keepRegisters();
            }
        }
        return false;
    }

    /**
     * A hook met an instruction that raises {@code kind} in ring 3 but that Unicorn runs as a
     * hook ({@link X86PrivilegedInstructions}): it is refused like a data access, with the
     * registers as they stood at it and {@code started}, the instructions started so far, itself
     * included (the caller stops the CPU). A refused access met first wins.
     */
    void refuseInstruction(Trap.Kind kind, long started) {
        if (!faultPending && refusedInstruction == null) {
            refusedInstruction = kind;
            startedAtRefusedInstruction = started;
            keepRegisters();
        }
    }

    /**
     * The instructions {@link #refuseInstruction} saw started, the refused one included. Read at
     * the stop, Unicorn's own counter has started the next one too, which does not run.
     */
    long startedAtRefusedInstruction() {
        return startedAtRefusedInstruction;
    }

    /** The exception of the instruction {@link #refuseInstruction} refused in this run, or null. */
    Trap.Kind refusedInstruction() {
        return refusedInstruction;
    }

    private void keepRegisters() {
        registersAtRefusal = true;
        instructionPointerAtRefusal = unicorn.readRegister(X86Register.EIP);
        for (int number = 0; number < generalAtRefusal.length; number++) {
            generalAtRefusal[number] = unicorn.readRegister(X86Registers.general(number));
        }
        flagsAtRefusal = unicorn.readRegister(X86Register.EFLAGS);
    }
}
