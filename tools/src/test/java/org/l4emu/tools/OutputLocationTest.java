package org.l4emu.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files are checked before the work, and a failed export loses no earlier file. */
class OutputLocationTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("boot --trace and fuzz --trace into a missing directory: one line, exit 2, before booting")
    void traceIntoMissingDirectory() {
        Path trace = dir.resolve("missing").resolve("run.trace");
        BadInputTest.assertOneLineError(CommandLineRun.of("boot", "--trace", trace.toString(),
                CommandLineRun.guest("hello.elf")), "--trace " + trace + ": cannot write (no such file or directory)");
        BadInputTest.assertOneLineError(CommandLineRun.of("fuzz", "--kernel", "--trace=" + trace),
                "--trace " + trace + ": cannot write (no such file or directory)");
        BadInputTest.assertOneLineError(CommandLineRun.of("boot", "--trace", dir.toString(),
                CommandLineRun.guest("hello.elf")), "--trace " + dir + ": cannot write (a directory)");
    }

    @Test
    @DisplayName("trace export -o over an earlier picture, from a trace that cannot be read: the picture is kept")
    void failedExportKeepsEarlierFile() throws IOException {
        Path picture = Files.writeString(dir.resolve("earlier.svg"), "<svg/>\n");
        BadInputTest.assertOneLineError(CommandLineRun.of("trace", "export", "--format=svg", "-o", picture.toString(),
                dir.resolve("none.trace").toString()), "none.trace: no such file");
        assertEquals("<svg/>\n", Files.readString(picture));
        Path trace = dir.resolve("hello.trace");
        assertEquals(0, CommandLineRun.of("boot", "--quiet", "--trace", trace.toString(), CommandLineRun.guest("hello.elf"))
                .exitCode());
        CommandLineRun export = CommandLineRun.of("trace", "export", "--format=svg", "-o", picture.toString(),
                trace.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertFalse(Files.readString(picture).equals("<svg/>\n"), "replaced once complete");
        try (var left = Files.list(dir)) {
            assertFalse(left.anyMatch(p -> p.toString().endsWith(".part")), "no partial file left");
        }
    }
}
