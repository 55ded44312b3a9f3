package org.l4emu.tools.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FigureRunsTest {
    /** Figures handed out in turn, each run's name and figure logged. */
    private static final class Script {
        final List<String> log = new ArrayList<>();
        private final double[] figures;
        private int next;

        Script(double... figures) {
            this.figures = figures;
        }

        FigureRuns.Run named(String name) {
            return () -> {
                double figure = figures[next++];
                log.add(name + "=" + figure);
                return figure;
            };
        }
    }

    @Test
    @DisplayName("warm-up runs are run but not counted: the slow first run of a figure leaves its median alone")
    void warmupsNotCounted() throws Exception {
        Script script = new Script(900, 500, 100, 110, 120);
        List<Integer> progress = new ArrayList<>();
        FigureRuns.Figures figures = FigureRuns.measure(2, 3, script.named("b"), null, progress::add);
        assertEquals(List.of("b=900.0", "b=500.0", "b=100.0", "b=110.0", "b=120.0"), script.log);
        assertArrayEquals(new double[] {100, 110, 120}, figures.figures());
        assertEquals(110, figures.median());
        assertEquals(100, figures.lowest());
        assertEquals(120, figures.highest());
        assertTrue(Double.isNaN(figures.medianRatio()));
        assertEquals(List.of(0, 0, 1, 2, 3), progress);
    }

    @Test
    @DisplayName("a paired figure's warm-up is a pair; pairs take turns going first; the ratio is the pairs' median")
    void pairedWarmupAndOrder() throws Exception {
        Script script = new Script(5000, 1000, 130, 100, 120, 100, 150, 100);
        FigureRuns.Figures figures = FigureRuns.measure(1, 3, script.named("rec"), script.named("plain"), run -> { });
        // The warm-up pair (run -1) puts the figure first, then the baseline leads in run 0, and so on.
        assertEquals(List.of("rec=5000.0", "plain=1000.0", "plain=130.0", "rec=100.0", "rec=120.0", "plain=100.0",
                "plain=150.0", "rec=100.0"), script.log);
        assertArrayEquals(new double[] {100, 100, 120}, figures.figures());
        assertArrayEquals(new double[] {100 / 150.0, 100 / 130.0, 1.2}, figures.ratios(), 1e-12);
        assertEquals(100 / 130.0, figures.medianRatio(), 1e-12);
    }

    @Test
    @DisplayName("no warm-up: every run counts, as before the option")
    void noWarmup() throws Exception {
        Script script = new Script(900, 100, 110);
        FigureRuns.Figures figures = FigureRuns.measure(0, 3, script.named("b"), null, run -> { });
        assertArrayEquals(new double[] {100, 110, 900}, figures.figures());
        assertEquals(110, figures.median());
    }
}
