package org.l4emu.emulator.scripted;

import java.util.Arrays;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.Trap;

/**
 * What a scripted thread does next: {@link #instructions()} instructions, the last of which is
 * the step's own (the system call, the memory access, the exception); the ones before it are
 * ordinary work. A budget may end anywhere inside a step, which then goes on at the next run.
 * A memory access that faults and an exception are not retired and stay the thread's current
 * step, so the thread executes them again when it next runs, as a CPU re-executes a faulting
 * instruction, unless its instruction pointer was changed meanwhile.
 */
public sealed interface Step {
    /** Instructions of the step, at least 1, its own instruction included. */
    long instructions();

    /** This step with {@code instructions} in all (so {@code instructions - 1} of work before its own). */
    Step withInstructions(long instructions);

    /**
     * The system call instruction with the syscall number and argument registers set (ABI
     * section 1): arguments 0..k-1 are the given ones, the others keep their values.
     */
    record Syscall(int number, int[] arguments, long instructions) implements Step {
        /** Argument registers of the system call convention on every architecture (ABI section 1). */
        public static final int MAX_ARGUMENTS = 6;

        public Syscall {
            if (arguments.length > MAX_ARGUMENTS) {
                throw new IllegalArgumentException("a system call has at most " + MAX_ARGUMENTS + " arguments");
            }
            arguments = arguments.clone();
            checkInstructions(instructions);
        }

        @Override
        public int[] arguments() {
            return arguments.clone();
        }

        int argument(int index) {
            return arguments[index];
        }

        int argumentCount() {
            return arguments.length;
        }

        @Override
        public Syscall withInstructions(long count) {
            return new Syscall(number, arguments, count);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Syscall s && s.number == number && Arrays.equals(s.arguments, arguments)
                    && s.instructions == instructions;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * number + Arrays.hashCode(arguments)) + Long.hashCode(instructions);
        }

        @Override
        public String toString() {
            return "Syscall[" + number + Arrays.toString(arguments) + ", " + instructions + " instructions]";
        }
    }

    /** A read or an instruction fetch at {@code address}: a page fault unless the page gives {@code access}. */
    record Touch(int address, Access access, long instructions) implements Step {
        public Touch {
            checkInstructions(instructions);
        }

        @Override
        public Touch withInstructions(long count) {
            return new Touch(address, access, count);
        }
    }

    /** A word store to {@code address} (4-byte aligned): a page fault unless the page is writable. */
    record Store(int address, int value, long instructions) implements Step {
        public Store {
            if ((address & 3) != 0) {
                throw new IllegalArgumentException("scripted stores are word aligned: 0x" + Integer.toHexString(address));
            }
            checkInstructions(instructions);
        }

        @Override
        public Store withInstructions(long count) {
            return new Store(address, value, count);
        }
    }

    /** An instruction that raises {@code kind} ({@code address}: the data address it concerns, or 0). */
    record Raise(Trap.Kind kind, int address, long instructions) implements Step {
        public Raise {
            checkInstructions(instructions);
        }

        @Override
        public Raise withInstructions(long count) {
            return new Raise(kind, address, count);
        }
    }

    /** Instructions that touch nothing the machine checks: a stretch of computation. */
    record Compute(long instructions) implements Step {
        public Compute {
            checkInstructions(instructions);
        }

        @Override
        public Compute withInstructions(long count) {
            return new Compute(count);
        }
    }

    static Syscall syscall(int number, int... arguments) {
        return new Syscall(number, arguments, 1);
    }

    static Touch read(int address) {
        return new Touch(address, Access.READ, 1);
    }

    static Touch execute(int address) {
        return new Touch(address, Access.EXECUTE, 1);
    }

    static Store write(int address, int value) {
        return new Store(address, value, 1);
    }

    static Raise raise(Trap.Kind kind) {
        return new Raise(kind, 0, 1);
    }

    static Compute compute(long instructions) {
        return new Compute(instructions);
    }

    private static void checkInstructions(long instructions) {
        if (instructions < 1) {
            throw new IllegalArgumentException("a step has at least one instruction, not " + instructions);
        }
    }
}
