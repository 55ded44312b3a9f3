package org.l4emu.tools.fuzz;

import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.object.Thread;

/**
 * How a fuzz run's seed reaches the guests: before the first instruction, every thread's UTCB
 * ThreadWord0 (word 109) gets the seed's low word and ThreadWord1 (word 110) its high word.
 * ABI.md leaves these words to the program (the kernel never touches them), so a guest booted
 * without the harness simply reads seed 0.
 */
final class SeedWords {
    static final int THREAD_WORD_0 = 109;
    static final int THREAD_WORD_1 = 110;

    private SeedWords() {}

    static void write(Kernel kernel, long seed) {
        for (Thread thread : kernel.view().threads().all()) {
            word(kernel, thread, THREAD_WORD_0, (int) seed);
            word(kernel, thread, THREAD_WORD_1, (int) (seed >>> 32));
        }
    }

    private static void word(Kernel kernel, Thread thread, int index, int value) {
        kernel.machine().memory().writeWord(thread.utcbPhysical() + 4L * index, value);
    }
}
