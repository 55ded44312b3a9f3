package org.l4emu.tools;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.EngineInfo;

/**
 * Boots every system of the guest suite on both architectures and writes one line per system,
 * a digest of its exit code, console, kernel messages and whole trace, to
 * {@code target/trace-digests/ENGINE.txt} (ENGINE: the Unicorn version, "-public" without
 * accelerators). {@code ./run-tests} runs the suite on several engines and configurations and
 * requires these files to be identical: the same runs byte for byte on every engine.
 */
class EngineTraceDigestTest {
    static final Path DIGESTS = Path.of("target", "trace-digests");
    private static final String LIMIT = "--max-instructions=50000000";

    @TempDir
    Path dir;

    @Test
    void everySystemOnEveryArchitectureLeavesItsDigest() throws Exception {
        List<Callable<String>> runs = new ArrayList<>();
        for (String arch : List.of("arm", "x86")) {
            for (Path image : images(Path.of("..", "guest-programs", "target", arch))) {
                runs.add(() -> arch + "/" + image.getFileName() + " " + digest(image, arch));
            }
        }
        // Every run is deterministic on its own: they share the cores, and the lines keep their order.
        List<String> lines = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            for (Future<String> line : workers.invokeAll(runs)) {
                lines.add(result(line));
            }
        }
        String engine = EngineInfo.version().replaceFirst("^Unicorn ", "") + (EngineInfo.acceleratorsOff() ? "-public" : "");
        Files.createDirectories(DIGESTS);
        Files.write(DIGESTS.resolve(engine + ".txt"), lines);
    }

    private static String result(Future<String> line) throws Exception {
        try {
            return line.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The digest of one boot of {@code image}: exit code, console, kernel messages and the whole trace. */
    private String digest(Path image, String arch) throws IOException, NoSuchAlgorithmException {
        Path trace = dir.resolve(arch + "-" + image.getFileName() + ".trace");
        CommandLineRun run = CommandLineRun.of("boot", image.toString(), "--quiet", LIMIT, "--trace", trace.toString());
        assertNotEquals(Abi.ExitCode.BAD_INPUT, run.exitCode(), run.err());
        assertNotEquals(Abi.ExitCode.INTERNAL_ERROR, run.exitCode(), run.err());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((run.exitCode() + "\n" + run.out() + "\n" + run.err().replace(trace.toString(), "TRACE"))
                .getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(trace));
        Files.delete(trace);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The systems and stand-alone images of one architecture, less the benchmarks and the long fuzzing run. */
    private static List<Path> images(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> {
                String name = path.getFileName().toString();
                boolean system = name.endsWith(".xml") || name.equals("hello.elf") || name.equals("hello_thumb.elf")
                        || name.equals("abi_raw.elf");
                return system && !name.startsWith("bench_") && !name.startsWith("fuzz");
            }).sorted().toList();
        }
    }
}
