package org.l4emu.tools;

import java.io.OutputStream;
import java.io.PrintStream;
import org.l4emu.emulator.host.LinkerWarmup;

/**
 * The launcher's AOT training run (the {@code l4emu} script, after each build): boots each
 * system it is given, in one JVM, as {@code l4emu boot --quiet} would, so that the AOT cache holds
 * what a boot of either architecture loads and links. An x86 boot on a cache trained on arm alone
 * cost about 50 ms more CPU (BENCHMARKS.md, Start-up). Exits with the first failing boot's code.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] systems) {
        LinkerWarmup.start(); // as L4emu.main does, so that its classes are in the cache too
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (String system : systems) {
            int exit = L4emu.execute(OutputStream.nullOutputStream(), quiet, "boot", "--quiet", system);
            if (exit != 0) {
                System.exit(exit);
            }
        }
    }
}
