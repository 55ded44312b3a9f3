package org.l4emu.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.abi.Abi;

/**
 * Standard output that cannot be written (a closed pipe, a full disk) is the host's problem: one
 * line and exit 1 (ABI section 4.6's environment code), not an internal error to report.
 */
class ConsoleOutputFailureTest {
    /** Standard output after its reader went away. */
    private static final class BrokenPipe extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arm", "x86"})
    void aConsoleThatCannotBeWrittenIsOneLineAndTheEnvironmentExitCode(String arch) {
        String hello = Path.of("..", "guest-programs", "target", arch, "hello.elf").toString();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = L4emu.execute(new BrokenPipe(), errStream, "boot", hello);
        }
        assertEquals(List.of("l4emu: cannot write standard output: Broken pipe"),
                err.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(Abi.ExitCode.ENVIRONMENT, exit);
    }
}
