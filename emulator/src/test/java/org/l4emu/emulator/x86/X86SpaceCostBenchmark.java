package org.l4emu.emulator.x86;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

/**
 * What one engine per address space costs (not a unit test): opening an engine, the host memory
 * it keeps, mapping pages into it, taking it back from a space ({@link PooledMachine}); and
 * run round trips within and across spaces on the design this Unicorn runs best (comparable with {@code ArmRunBenchmark}). Run with
 * {@code java --enable-native-access=ALL-UNNAMED -cp target/classes:target/test-classes
 * org.l4emu.emulator.x86.X86SpaceCostBenchmark}.
 */
public final class X86SpaceCostBenchmark {
    private static final int ITERATIONS = 2_000_000;
    private static final int ROUNDS = 5;
    private static final int ENGINES = 40;
    /** Reads a word of its data page, traps, loops: like a thread doing IPC. */
    private static final byte[][] CLIENT = {X86.LOAD_ECX_FROM_EBX, X86.INT_80, X86.jmpShort(-6)};

    private X86SpaceCostBenchmark() {
    }

    /** {@code runs}: only the run costs (the part that differs between the designs). */
    public static void main(String[] args) throws IOException {
        if (args.length == 0 || !args[0].equals("runs")) {
            engineCosts();
            mappingCosts();
        }
        runCosts();
    }

    /** Opens engines by running a thread in each of many fresh spaces. */
    private static void engineCosts() throws IOException {
        try (X86Guest guest = X86Guest.pooled()) {
            long code = guest.frame();
            byte[] client = X86.concat(CLIENT);
            guest.memory.write(code, client, 0, client.length);
            List<AddressSpace> spaces = new ArrayList<>();
            List<X86CpuContext> threads = new ArrayList<>();
            for (int i = 0; i < ENGINES + 1; i++) {
                AddressSpace space = guest.newSpace();
                space.map(X86Guest.CODE, code, Access.READ_EXECUTE);
                guest.data(space, X86Guest.DATA, Access.READ);
                spaces.add(space);
                threads.add(reader(guest));
            }
            run(guest, threads.get(0), spaces.get(0));
            long rssBefore = residentBytes();
            long start = System.nanoTime();
            for (int i = 1; i <= ENGINES; i++) {
                run(guest, threads.get(i), spaces.get(i));
            }
            long nanos = System.nanoTime() - start;
            long rssAfter = residentBytes();
            System.out.printf("engine opened for a space's first run: %.2f ms each%n", nanos / 1e6 / ENGINES);
            System.out.printf("host memory per engine:                %.2f MiB resident%n",
                    (rssAfter - rssBefore) / (double) ENGINES / (1 << 20));
        }
    }

    /**
     * Maps n pages into a running space, then takes its engine back and gives it again: once
     * with consecutive frames (one region), once with every other frame (n regions, the worst).
     */
    private static void mappingCosts() {
        for (boolean scattered : new boolean[] {false, true}) {
            for (int pages : new int[] {32, 256, 1024}) {
                try (X86Guest guest = X86Guest.pooled()) {
                    PooledAddressSpace space = (PooledAddressSpace) guest.newSpace();
                    guest.code(space, X86Guest.CODE, CLIENT);
                    guest.data(space, X86Guest.DATA, Access.READ);
                    X86CpuContext thread = reader(guest);
                    run(guest, thread, space);
                    long start = System.nanoTime();
                    for (int i = 0; i < pages; i++) {
                        long frame = guest.frame();
                        if (scattered) {
                            guest.frame();
                        }
                        space.map(0x0100_0000 + i * 0x1000, frame, Access.READ_WRITE);
                    }
                    long mapNanos = System.nanoTime() - start;
                    int regions = space.regionCount();
                    start = System.nanoTime();
                    space.releaseEngine();
                    long releaseNanos = System.nanoTime() - start;
                    start = System.nanoTime();
                    run(guest, thread, space);
                    long refillNanos = System.nanoTime() - start;
                    System.out.printf("%5d pages, %-9s frames, %4d regions: map %7.1f us per page; engine taken back"
                            + " in %7.2f ms, refilled in %7.2f ms%n", pages, scattered ? "scattered" : "adjacent",
                            regions, mapNanos / 1e3 / pages, releaseNanos / 1e6, refillNanos / 1e6);
                }
            }
        }
    }

    private static void runCosts() {
        try (X86Guest guest = new X86Guest()) {
            AddressSpace a = guest.newSpace();
            AddressSpace b = guest.newSpace();
            AddressSpace c = guest.newSpace();
            long code = guest.code(a, X86Guest.CODE, CLIENT);
            b.map(X86Guest.CODE, code, Access.READ_EXECUTE);
            c.map(X86Guest.CODE, code, Access.READ_EXECUTE);
            for (AddressSpace space : new AddressSpace[] {a, b, c}) {
                guest.data(space, X86Guest.DATA, Access.READ);
            }
            X86CpuContext first = reader(guest);
            X86CpuContext second = reader(guest);
            X86CpuContext inB = reader(guest);
            X86CpuContext inC = reader(guest);
            System.out.println("design: " + guest.machine.getClass().getSimpleName());
            for (int round = 0; round < ROUNDS; round++) {
                report("one thread, same space", measure(guest, first, a, first, a, first, a),
                        inTrap(guest, first, a, first, a, first, a));
                report("two threads, same space", measure(guest, first, a, second, a, first, a),
                        inTrap(guest, first, a, second, a, first, a));
                report("two threads, two spaces", measure(guest, first, a, inB, b, first, a),
                        inTrap(guest, first, a, inB, b, first, a));
                report("three spaces in rotation", measure(guest, first, a, inB, b, inC, c),
                        inTrap(guest, first, a, inB, b, inC, c));
            }
        }
    }

    /** Cycles x, y, x, y... or, when z differs from x, x, y, z, x, y, z... */
    private static double measure(X86Guest guest, X86CpuContext x, AddressSpace xSpace, X86CpuContext y,
            AddressSpace ySpace, X86CpuContext z, AddressSpace zSpace) {
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

    /** As {@link #measure}, with every system call handled inside the trap (a TrapHandler naming the next thread). */
    private static double inTrap(X86Guest guest, X86CpuContext x, AddressSpace xSpace, X86CpuContext y,
            AddressSpace ySpace, X86CpuContext z, AddressSpace zSpace) {
        X86CpuContext[] threads = z != x ? new X86CpuContext[] {x, y, z} : new X86CpuContext[] {x, y};
        AddressSpace[] spaces = z != x ? new AddressSpace[] {xSpace, ySpace, zSpace} : new AddressSpace[] {xSpace, ySpace};
        int[] calls = {0};
        long start = System.nanoTime();
        Trap trap = guest.machine.run(x, xSpace, 1000, (context, next) -> {
            int call = ++calls[0];
            if (call == ITERATIONS) {
                return false;
            }
            context.setResult(2, call);
            next.set(threads[call % threads.length], spaces[call % threads.length], 1000);
            return true;
        });
        if (trap != Trap.HANDLED) {
            throw new AssertionError("expected the handler to end the run, got " + trap);
        }
        return (System.nanoTime() - start) / (double) ITERATIONS;
    }

    private static void syscall(X86Guest guest, X86CpuContext thread, AddressSpace space, int value) {
        run(guest, thread, space);
        thread.setResult(2, value);
    }

    private static void run(X86Guest guest, X86CpuContext thread, AddressSpace space) {
        if (guest.machine.run(thread, space, 1000) != Trap.SYSCALL) {
            throw new AssertionError("expected a syscall");
        }
    }

    private static X86CpuContext reader(X86Guest guest) {
        X86CpuContext thread = guest.context(X86Guest.CODE);
        thread.setRegister(X86CpuContext.EBX, X86Guest.DATA);
        return thread;
    }

    private static void report(String what, double nanos, double inTrap) {
        System.out.printf("%-26s %7.1f ns per run() that ends in int $0x80, %7.1f ns per call handled in the trap%n",
                what, nanos, inTrap);
    }

    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
            }
        }
        return -1;
    }
}
