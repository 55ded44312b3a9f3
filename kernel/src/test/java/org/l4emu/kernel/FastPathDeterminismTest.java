package org.l4emu.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.Machines;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.boot.ImageSet;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * The IPC fast path (system calls handled inside the emulator's trap) changes nothing but
 * speed: every system the project builds, run with it and without it, prints the same console
 * and kernel log, byte for byte, ends with the same exit code, and makes the same system calls
 * and deliveries at the same instruction counts.
 */
class FastPathDeterminismTest {
    /** Single-image programs that no system description names on its own. */
    private static final List<String> IMAGES = List.of("bench_trap.elf", "bench_compute.elf", "hello.elf",
            "hello_thumb.elf", "fault.elf");

    static Stream<String> systems() throws IOException {
        try (Stream<Path> files = Files.list(GuestRun.GUEST_DIRECTORY)) {
            List<String> descriptions = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".xml"))
                    .sorted()
                    .toList();
            return Stream.concat(descriptions.stream(),
                    IMAGES.stream().filter(name -> Files.exists(GuestRun.GUEST_DIRECTORY.resolve(name))));
        }
    }

    /** Runs long enough that two more whole runs of them would double this test's time; cut runs still compare them. */
    private static final List<String> LONG_RUNS = List.of("p3_task_churn.xml");

    static Stream<String> wholeRunSystems() throws IOException {
        return systems().filter(name -> !LONG_RUNS.contains(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wholeRunSystems")
    void fastPathGivesTheSameRun(String system) throws Exception {
        Run fast = run(system, true, BootOptions.DEFAULTS);
        Run leaving = run(system, false, BootOptions.DEFAULTS);
        assertSame(fast, leaving);
        assertTrue(fast.events() > 0, "nothing happened");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void fastPathStopsAtTheSameInstructionLimit(String system) throws Exception {
        BootOptions cut = new BootOptions(BootOptions.FROM_DESCRIPTION, 123_457, false, false);
        assertSame(run(system, true, cut), run(system, false, cut));
    }

    private static void assertSame(Run fast, Run leaving) {
        assertEquals(leaving.exitCode(), fast.exitCode(), "exit code");
        assertEquals(leaving.console(), fast.console(), "console");
        assertEquals(leaving.log(), fast.log(), "kernel log");
        assertEquals(leaving.events(), fast.events(), "number of kernel events");
        assertEquals(leaving.eventDigest(), fast.eventDigest(), "kernel events, their order and instruction counts");
    }

    private static Run run(String system, boolean fastPath, BootOptions options) throws Exception {
        SystemDescription description = Boot.describe(GuestRun.GUEST_DIRECTORY.resolve(system));
        ImageSet images = ImageSet.load(description);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        EventDigest events = new EventDigest();
        try (Machine machine = Machines.open(description.arch());
             PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            Kernel kernel = Kernel.boot(machine, description, images, options, console, logStream, events);
            if (!fastPath) {
                kernel.disableFastPath();
            }
            int exit = kernel.run();
            return new Run(exit, console.toByteArray(), log.toString(StandardCharsets.UTF_8), events.count,
                    events.digest);
        }
    }

    private record Run(int exitCode, byte[] consoleBytes, String log, long events, long eventDigest) {
        String console() {
            return new String(consoleBytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** A running hash of the kernel's events with the thread, its instruction count and virtual time at each. */
    private static final class EventDigest implements KernelEvents {
        private Kernel kernel;
        private long count;
        private long digest = 17;

        @Override
        public void booted(Kernel booted) {
            this.kernel = booted;
        }

        @Override
        public void syscall(Thread thread, int number) {
            add(1, thread, number);
        }

        @Override
        public void delivered(Thread sender, Thread receiver, int from, int tag, int dope) {
            add(2, receiver, from, tag, dope, sender == null ? -1 : sender.id());
        }

        @Override
        public void ipcFailed(Thread thread, int dope) {
            add(3, thread, dope);
        }

        @Override
        public void pageFault(Thread thread, int address, int accessBits, int instructionPointer) {
            add(4, thread, address, accessBits, instructionPointer);
        }

        @Override
        public void trapHandled(Thread thread) {
            add(5, thread, thread.context().instructionPointer());
        }

        @Override
        public void threadExited(Thread thread, String reason) {
            add(6, thread, reason.hashCode());
        }

        private void add(int kind, Thread thread, int... values) {
            count++;
            mix(kind);
            mix(thread.id());
            mix(thread.instructionsRetired());
            mix(kernel.instructions());
            mix(kernel.clock().now());
            for (int value : values) {
                mix(value);
            }
        }

        private void mix(long value) {
            digest = digest * 1_000_003L ^ value;
        }
    }
}
