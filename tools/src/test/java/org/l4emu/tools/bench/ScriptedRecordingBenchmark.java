package org.l4emu.tools.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.tools.trace.TraceHeader;
import org.l4emu.tools.trace.TraceRecorder;

/**
 * Micro benchmark (not a unit test) of what trace recording costs without the engine: a client
 * calls a server 100,000 times on the kernel's scripted machine (no CPU emulation), with no
 * observer and with the recorder into a null sink, the two alternating in one JVM; CPU time of
 * this thread a round trip, median of the boots. Set beside {@code l4emu bench}'s recording
 * figure, it separates the recorder's own work from the engine's effect on the host's caches
 * (BENCHMARKS.md, Trace recording). Run with {@code java --enable-native-access=ALL-UNNAMED -cp
 * tools/target/classes:tools/target/test-classes:kernel/target/classes:emulator/target/classes:abi/target/classes:tools/target/lib/*
 * org.l4emu.tools.bench.ScriptedRecordingBenchmark [BOOTS [IDLE]]}: IDLE tasks more, each of a thread
 * that waits for ever, show what the number of threads costs the recorder.
 */
public final class ScriptedRecordingBenchmark {
    private static final int ROUND_TRIPS = 100_000;
    private static final int LABEL = 0x1 << 16;

    private ScriptedRecordingBenchmark() {
    }

    public static void main(String[] args) throws BootException {
        int boots = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int idle = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        double[] plain = new double[boots];
        double[] recording = new double[boots];
        for (int i = 0; i < boots; i++) {
            plain[i] = nanosPerRoundTrip(KernelEvents.NONE, idle);
            try (TraceRecorder recorder = new TraceRecorder(OutputStream.nullOutputStream(), "benchmark",
                    TraceHeader.inMemory())) {
                recording[i] = nanosPerRoundTrip(recorder, idle);
            }
            System.out.printf(Locale.ROOT, "boot %d: plain %.0f ns, recording %.0f ns a round trip%n", i + 1,
                    plain[i], recording[i]);
        }
        Arrays.sort(plain);
        Arrays.sort(recording);
        System.out.printf(Locale.ROOT, "median: plain %.0f ns, recording %.0f ns, the recorder %.0f ns a round trip%n",
                plain[boots / 2], recording[boots / 2], recording[boots / 2] - plain[boots / 2]);
    }

    private static double nanosPerRoundTrip(KernelEvents observer, int idle) throws BootException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ScriptedSystem.Builder builder = ScriptedSystem.builder(Architecture.ARM).task("client").task("server");
        for (int i = 0; i < idle; i++) {
            builder.task("idle" + i);
        }
        try (ScriptedSystem system = builder.events(observer).boot()) {
            for (int i = 0; i < idle; i++) {
                system.thread("idle" + i).waitForAny();
            }
            ScriptedThread client = system.thread("client");
            ScriptedThread server = system.thread("server");
            server.waitForAny();
            for (int i = 0; i < ROUND_TRIPS; i++) {
                client.message(LABEL | 1, i).call(server);
                server.message(LABEL | 1, i).replyAndWait(client.id());
            }
            client.exit();
            long start = cpu.getCurrentThreadCpuTime();
            system.run();
            return (cpu.getCurrentThreadCpuTime() - start) / (double) ROUND_TRIPS;
        }
    }
}
