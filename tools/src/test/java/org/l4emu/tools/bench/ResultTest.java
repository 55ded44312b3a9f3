package org.l4emu.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Architecture;

/** A benchmark with a baseline is judged by the ratio of its runs to the baseline runs paired with them. */
class ResultTest {
    private static final Benchmark RECORDING = Benchmark.named("cross-space round trip with trace recording");
    private static final Benchmark CROSS_SPACE = Benchmark.named(Benchmark.CROSS_SPACE);

    private static Result recording(double median, double limit, double pairedRatio) {
        return new Result(RECORDING, Architecture.ARM, "2.0.1", median, median, median)
                .withLimit(limit).withPairedRatio(pairedRatio);
    }

    @Test
    void thePairedRatioDecidesEvenWhereTheMediansWouldNot() {
        // Medians taken minutes apart say 1.1x (met); the runs paired one by one say 1.42x.
        assertEquals("NOT met (1.42x)", recording(1100, 1300, 1.42).verdict());
        assertEquals("met (1.20x)", recording(1400, 1300, 1.2).verdict());
    }

    @Test
    void aBenchmarkWithoutBaselineIsJudgedByItsMedian() {
        Result direct = new Result(CROSS_SPACE, Architecture.ARM, "2.0.1", 700, 690, 720).withLimit(1800);
        assertEquals("met", direct.verdict());
        assertEquals("NOT met", direct.withLimit(600).verdict());
    }

    @Test
    void aChildProcessPassesThePairedRatioOn() {
        List<Result> results = List.of(recording(1100, 1300, 1.42),
                new Result(CROSS_SPACE, Architecture.X86, "2.1.1", 700, 690, 720));
        StringWriter text = new StringWriter();
        EngineRuns.printTsv(results, new PrintWriter(text));
        List<Result> parsed = text.toString().lines().map(EngineRuns::parse).toList();
        assertEquals(1.42, parsed.get(0).pairedRatio());
        assertTrue(Double.isNaN(parsed.get(1).pairedRatio()));
        assertEquals(results.get(1), parsed.get(1));
    }
}
