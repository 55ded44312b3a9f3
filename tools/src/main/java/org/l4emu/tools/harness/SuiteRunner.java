package org.l4emu.tools.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.EmulatorUnavailableException;

/**
 * Runs cases for one architecture in parallel, one machine each, on a fixed pool of worker threads
 * (one per core by default): every run is deterministic on its own, so the order they finish in
 * changes nothing but the wall-clock time. Results are handed on in the cases' order.
 */
public final class SuiteRunner implements AutoCloseable {
    private final Architecture architecture;
    private final CaseChecker checker;
    private final ExecutorService workers;

    /** Runs cases for {@code architecture} ({@code {arch}} in their paths) on {@code threads} workers. */
    public SuiteRunner(Architecture architecture, int threads, CaseChecker checker) {
        this.architecture = architecture;
        this.checker = checker;
        this.workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("l4emu-test-", 1).daemon()
                .factory());
    }

    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Starts {@code location}'s case on a worker: read, boot, check. */
    public CompletableFuture<CaseResult> submit(CaseLocation location) {
        return CompletableFuture.supplyAsync(() -> runOne(location), workers);
    }

    /** Runs every case; {@code done} sees each result in the cases' order, as soon as it and those before are in. */
    public List<CaseResult> run(List<CaseLocation> cases, Consumer<CaseResult> done) {
        List<CompletableFuture<CaseResult>> pending = cases.stream().map(this::submit).toList();
        List<CaseResult> results = new ArrayList<>();
        for (CompletableFuture<CaseResult> future : pending) {
            CaseResult result = join(future);
            done.accept(result);
            results.add(result);
        }
        return results;
    }

    /** The result, with an emulator that cannot start rethrown as itself: it concerns every case, not one. */
    public static CaseResult join(CompletableFuture<CaseResult> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private CaseResult runOne(CaseLocation location) {
        TestCase testCase;
        try {
            testCase = CaseFileReader.read(location, architecture);
        } catch (CaseFileException e) {
            return CaseResult.error(location, null, e.getMessage());
        }
        if (!testCase.applies()) {
            return CaseResult.skipped(location, "only on " + testCase.architectures().stream()
                    .map(Architecture::xmlName).collect(Collectors.joining(", ")));
        }
        CaseRun run;
        try {
            run = CaseRunner.run(testCase);
        } catch (EmulatorUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            return CaseResult.error(location, null, "the run failed inside l4emu: " + e);
        }
        try {
            return checker.check(testCase, run);
        } catch (CaseFileException e) {
            return CaseResult.error(location, run, e.getMessage());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
