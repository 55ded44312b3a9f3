package org.l4emu.tools.bench;

import java.util.Arrays;

/**
 * The runs of one figure: first {@code warmups} runs that are not counted, then {@code runs}
 * counted ones, each beside a run of its baseline when it has one (the two take turns going
 * first). A figure's first runs in a JVM pay for compiling the code that figure is the first to
 * use (for the recording figure, the recorder and the trap path recompiled around it), which
 * is start-up rather than the figure, and a median of a few runs does not drop more than one or
 * two such runs.
 */
final class FigureRuns {
    /** One run of a benchmark: its figure. */
    @FunctionalInterface
    interface Run {
        double once() throws Exception;
    }

    /** Told before each run: its number among the counted runs (from 1), or 0 for a warm-up run. */
    @FunctionalInterface
    interface Progress {
        void starting(int run);
    }

    /**
     * The counted runs' figures, sorted, and their ratios to the baseline's runs beside them,
     * sorted (empty without a baseline).
     */
    record Figures(double[] figures, double[] ratios) {
        double median() {
            return figures[figures.length / 2];
        }

        double lowest() {
            return figures[0];
        }

        double highest() {
            return figures[figures.length - 1];
        }

        /** The median ratio to the baseline's runs, or {@link Result#NO_RATIO} when there was none. */
        double medianRatio() {
            return ratios.length == 0 ? Result.NO_RATIO : ratios[ratios.length / 2];
        }
    }

    private FigureRuns() {
    }

    /**
     * Runs {@code benchmark} (beside {@code baseline}, or null) {@code warmups} times
     * uncounted, then {@code runs} times.
     */
    static Figures measure(int warmups, int runs, Run benchmark, Run baseline, Progress progress) throws Exception {
        double[] figures = new double[runs];
        double[] ratios = new double[baseline == null ? 0 : runs];
        for (int run = -warmups; run < runs; run++) {
            progress.starting(run < 0 ? 0 : run + 1);
            double figure;
            double baselineFigure = Double.NaN;
            if (baseline == null) {
                figure = benchmark.once();
            } else if (Math.floorMod(run, 2) == 0) {
                // Each goes first in every other pair, so that neither pays for what the other leaves behind.
                baselineFigure = baseline.once();
                figure = benchmark.once();
            } else {
                figure = benchmark.once();
                baselineFigure = baseline.once();
            }
            if (run >= 0) {
                figures[run] = figure;
                if (baseline != null) {
                    ratios[run] = figure / baselineFigure;
                }
            }
        }
        Arrays.sort(figures);
        Arrays.sort(ratios);
        return new Figures(figures, ratios);
    }
}
