package org.l4emu.tools.fuzz;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.l4emu.emulator.Architecture;

/**
 * One fuzz run: the seed every random stream derives from, the system call budget, the fuzzer
 * threads, the architecture, the generator classes enabled, and the level: guest code on the
 * emulated CPU ({@code image} is the built fuzz.elf) or the kernel's system-call layer on the
 * scripted machine ({@code kernelLevel}, no image); and where to record the run's trace (null:
 * nowhere).
 */
public record FuzzOptions(long seed, long syscalls, int fuzzers, Architecture arch, Set<AttackClass> classes,
                          boolean kernelLevel, Path image, Path trace) {
    public FuzzOptions {
        classes = Set.copyOf(classes);
    }

    /** The command line that repeats this run. */
    public String reproduction() {
        StringBuilder line = new StringBuilder("l4emu fuzz");
        if (kernelLevel) {
            line.append(" --kernel");
        }
        line.append(" --arch ").append(arch.xmlName()).append(" --seed ").append(seed).append(" --syscalls ")
                .append(syscalls).append(" --threads ").append(fuzzers);
        if (!classes.equals(AttackClass.all())) {
            line.append(" --classes ").append(classes.stream().sorted().map(AttackClass::label)
                    .collect(Collectors.joining(",")));
        }
        return line.toString();
    }
}
