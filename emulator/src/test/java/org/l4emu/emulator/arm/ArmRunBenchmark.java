package org.l4emu.emulator.arm;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

/**
 * Micro benchmark of {@link ArmMachine#run} round trips (not a unit test): each iteration is
 * one svc trap handled like a syscall (a result set, the thread resumed). Run with
 * {@code java --enable-native-access=ALL-UNNAMED -cp target/classes:target/test-classes
 * org.l4emu.emulator.arm.ArmRunBenchmark}.
 */
public final class ArmRunBenchmark {
    private static final int ITERATIONS = 2_000_000;
    private static final int ROUNDS = 5;
    /** Reads a word of its data page, traps, loops: like a thread doing IPC. */
    private static final int[] CLIENT = {Arm.LDR_R1_R0, Arm.SVC_0, Arm.branch(-2)};

    private ArmRunBenchmark() {
    }

    public static void main(String[] args) {
        try (GuestMachine guest = new GuestMachine()) {
            AddressSpace a = guest.newSpace();
            AddressSpace b = guest.newSpace();
            AddressSpace c = guest.newSpace();
            long code = guest.arm(a, GuestMachine.CODE, CLIENT);
            b.map(GuestMachine.CODE, code, Access.READ_EXECUTE);
            c.map(GuestMachine.CODE, code, Access.READ_EXECUTE);
            guest.data(a, GuestMachine.DATA, Access.READ);
            guest.data(b, GuestMachine.DATA, Access.READ);
            guest.data(c, GuestMachine.DATA, Access.READ);
            ArmCpuContext first = guest.context(GuestMachine.CODE);
            ArmCpuContext second = guest.context(GuestMachine.CODE);
            ArmCpuContext inB = guest.context(GuestMachine.CODE);
            ArmCpuContext inC = guest.context(GuestMachine.CODE);
            for (ArmCpuContext thread : new ArmCpuContext[] {first, second, inB, inC}) {
                thread.setRegister(0, GuestMachine.DATA);
            }
            for (int round = 0; round < ROUNDS; round++) {
                report("one thread, same space", measure(guest, first, a, first, a, first, a));
                report("two threads, same space", measure(guest, first, a, second, a, first, a));
                report("two threads, two spaces", measure(guest, first, a, inB, b, first, a));
                report("three spaces in rotation", measure(guest, first, a, inB, b, inC, c));
            }
        }
    }

    /** Cycles x, y, x, y... or, when z differs from x, x, y, z, x, y, z... */
    private static double measure(GuestMachine guest, ArmCpuContext x, AddressSpace xSpace, ArmCpuContext y,
            AddressSpace ySpace, ArmCpuContext z, AddressSpace zSpace) {
        boolean three = z != x;
        int step = three ? 3 : 2;
        int iterations = ITERATIONS / step * step;
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i += step) {
            syscall(guest, x, xSpace, i);
            syscall(guest, y, ySpace, i);
            if (three) {
                syscall(guest, z, zSpace, i);
            }
        }
        return (System.nanoTime() - start) / (double) iterations;
    }

    private static void syscall(GuestMachine guest, ArmCpuContext thread, AddressSpace space, int value) {
        if (guest.machine.run(thread, space, 1000) != Trap.SYSCALL) {
            throw new AssertionError("expected a syscall");
        }
        thread.setResult(2, value);
    }

    private static void report(String what, double nanos) {
        System.out.printf("%-26s %7.1f ns per run() that ends in a svc%n", what, nanos);
    }
}
