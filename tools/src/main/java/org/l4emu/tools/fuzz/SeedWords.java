package org.l4emu.tools.fuzz;

import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.object.Thread;

/**
 * How a fuzz run's settings reach the guests: before the first instruction, every thread's UTCB
 * ThreadWord0 (word 109) gets the seed's low word, ThreadWord1 (word 110) its high word, and
 * UserDefinedHandle (word 108) the mask of enabled generator classes. Before each system call a
 * guest writes its current class (ordinal + 1, 0 for none) to ThreadWord2 (word 111), where the
 * host reads it. ABI.md leaves these words to the program (the kernel never touches them), so a
 * guest booted without the harness reads seed 0 and mask 0 (every class).
 */
final class SeedWords {
    static final int CLASS_MASK_WORD = 108;
    static final int THREAD_WORD_0 = 109;
    static final int THREAD_WORD_1 = 110;
    static final int CLASS_WORD = 111;

    private SeedWords() {}

    static void write(Kernel kernel, long seed, int classMask) {
        for (Thread thread : kernel.view().threads().all()) {
            word(kernel, thread, THREAD_WORD_0, (int) seed);
            word(kernel, thread, THREAD_WORD_1, (int) (seed >>> 32));
            word(kernel, thread, CLASS_MASK_WORD, classMask);
        }
    }

    private static void word(Kernel kernel, Thread thread, int index, int value) {
        kernel.machine().memory().writeWord(thread.utcbPhysical() + 4L * index, value);
    }
}
