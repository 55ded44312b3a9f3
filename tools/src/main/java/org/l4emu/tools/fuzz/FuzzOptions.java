package org.l4emu.tools.fuzz;

import java.nio.file.Path;

/**
 * One fuzz run: the seed the guests draw from, the system call budget, the fuzzer threads, the
 * built fuzz.elf, and where to record its trace (null: nowhere).
 */
record FuzzOptions(long seed, long syscalls, int fuzzers, Path image, Path trace) {
    /** The command line that repeats this run. */
    String reproduction() {
        return "l4emu fuzz --seed " + seed + " --syscalls " + syscalls + " --threads " + fuzzers;
    }
}
