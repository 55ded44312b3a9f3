package org.l4emu.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad images, descriptions and options: one line naming file and problem, exit code 2, no stack trace. */
class BadInputTest {
    private static final int E_ENTRY = 0x18;
    private static final int E_PHOFF = 0x1C;
    private static final int E_MACHINE = 0x12;
    private static final int P_VADDR = 8;

    @TempDir
    Path dir;

    static void assertOneLineError(CommandLineRun run, String fragment) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("l4emu: "), run.err());
        assertTrue(run.err().contains(fragment), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    private static byte[] hello() throws IOException {
        return Files.readAllBytes(CommandLineRun.GUESTS.resolve("hello.elf"));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a missing file")
    void missingFile() {
        assertOneLineError(CommandLineRun.of("boot", dir.resolve("nothing.xml").toString()), "nothing.xml: no such file");
    }

    @Test
    @DisplayName("a directory, or a file that is not a regular one, given as the image")
    void notARegularFile() {
        assertOneLineError(CommandLineRun.of("boot", dir.toString()), dir + ": a directory, not an ELF image");
        assertOneLineError(CommandLineRun.of("boot", "/dev/null"), "/dev/null: not a regular file");
    }

    @Test
    @DisplayName("bench on an engine library that does not exist, or that is no Unicorn library: said before any benchmark runs")
    void benchOnNoEngine() throws IOException {
        String guests = CommandLineRun.GUESTS.getParent().toString();
        assertOneLineError(CommandLineRun.of("bench", "--guests", guests, "--engine", dir.resolve("none.so").toString()),
                "--engine " + dir.resolve("none.so") + ": no such library file");
        Path fake = write("libfake.so", "not a library\n");
        assertOneLineError(CommandLineRun.of("bench", "--guests", guests, "--engine", fake.toString()),
                "--engine " + fake + ": CPU engine not available");
    }

    @Test
    @DisplayName("bench with a negative number of warm-up runs: said in one line")
    void benchNegativeWarmup() {
        assertOneLineError(CommandLineRun.of("bench", "--warmup", "-1"), "--warmup takes a number of runs, 0 or more");
    }

    @Test
    @DisplayName("a file that is neither ELF nor XML")
    void notElf() throws IOException {
        Path file = write("notes.txt", "just some text\n");
        assertOneLineError(CommandLineRun.of("boot", file.toString()),
                file + ": neither an ELF executable nor an XML system description");
        Path almostElf = write("almost.elf", new byte[] {0x7F, 'E', 'L', 'G', 1, 1, 1, 0});
        assertOneLineError(CommandLineRun.of("boot", almostElf.toString()), "neither an ELF executable");
        Path withBom = write("bom.xml", "\uFEFF  \n<system arch=\"arm\" name=\"x\">");
        assertOneLineError(CommandLineRun.of("boot", withBom.toString()), "malformed XML");
    }

    @Test
    @DisplayName("an ELF for another machine")
    void wrongMachine() throws IOException {
        byte[] elf = hello();
        elf[E_MACHINE] = 62;
        assertOneLineError(CommandLineRun.of("boot", write("amd64.elf", elf).toString()), "unsupported machine 62");
    }

    @Test
    @DisplayName("a truncated ELF")
    void truncated() throws IOException {
        byte[] elf = Arrays.copyOf(hello(), 100);
        assertOneLineError(CommandLineRun.of("boot", write("short.elf", elf).toString()), "truncated");
    }

    @Test
    @DisplayName("a segment in the kernel's address range")
    void segmentInKernelRange() throws IOException {
        byte[] elf = hello();
        ByteBuffer header = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        int programHeaders = header.getInt(E_PHOFF);
        int vaddr = header.getInt(programHeaders + P_VADDR);
        int moved = 0xC000_0000 + (vaddr & 0xFFF);
        header.putInt(programHeaders + P_VADDR, moved);
        header.putInt(E_ENTRY, header.getInt(E_ENTRY) - vaddr + moved);
        assertOneLineError(CommandLineRun.of("boot", write("high.elf", elf).toString()),
                "lies outside user memory for images");
    }

    @Test
    @DisplayName("malformed XML names file, line and column")
    void badXml() throws IOException {
        Path file = write("bad.xml", "<system arch=\"arm\">\n  <task name=\"a\" image=\"x.elf\">\n</system>\n");
        assertOneLineError(CommandLineRun.of("boot", file.toString()), "bad.xml:3:");
    }

    @Test
    @DisplayName("an unknown task in a redirect rule")
    void unknownTaskInRule() throws IOException {
        Files.copy(CommandLineRun.GUESTS.resolve("hello.elf"), dir.resolve("hello.elf"));
        Path file = write("rule.xml", """
                <system arch="arm">
                  <task name="a" image="hello.elf"/>
                  <task name="m" image="hello.elf"/>
                  <redirect source="a" dest="ghost" monitor="m" class="system"/>
                </system>
                """);
        assertOneLineError(CommandLineRun.of("boot", file.toString()), "unknown task 'ghost'");
    }

    @Test
    @DisplayName("an image that does not exist next to the description")
    void missingImage() throws IOException {
        Path file = write("noimage.xml", "<system arch=\"arm\">\n  <task name=\"a\" image=\"absent.elf\"/>\n</system>\n");
        assertOneLineError(CommandLineRun.of("boot", file.toString()), "absent.elf");
    }

    @Test
    @DisplayName("an image for another architecture than the description's")
    void architectureMismatch() throws IOException {
        Files.copy(CommandLineRun.GUESTS.resolve("hello.elf"), dir.resolve("hello.elf"));
        Path file = write("x86.xml", "<system arch=\"x86\">\n  <task name=\"a\" image=\"hello.elf\"/>\n</system>\n");
        assertOneLineError(CommandLineRun.of("boot", file.toString()), "image is for arm but the system is x86");
    }

    @Test
    @DisplayName("bad option values")
    void badOptions() {
        assertOneLineError(CommandLineRun.of("boot", "--max-time-us=abc", "x.xml"), "--max-time-us");
        assertOneLineError(CommandLineRun.of("boot", "--max-time-us=0", CommandLineRun.guest("hello.elf")),
                "positive number");
        assertOneLineError(CommandLineRun.of("frobnicate"), "frobnicate");
        assertOneLineError(CommandLineRun.of(), "missing command");
    }

    @Test
    @DisplayName("gdb on a port another program listens on")
    void gdbPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertOneLineError(CommandLineRun.of("gdb", CommandLineRun.guest("hello.elf"), "--port", Integer.toString(port)),
                    "cannot listen on localhost:" + port);
        }
    }

    @Test
    @DisplayName("an export into a directory that does not exist says why it cannot write")
    void exportIntoMissingDirectory() {
        Path trace = dir.resolve("hello.trace");
        assertEquals(0, CommandLineRun.of("boot", CommandLineRun.guest("hello.elf"), "--trace", trace.toString()).exitCode());
        Path picture = dir.resolve("missing").resolve("hello.svg");

        assertOneLineError(CommandLineRun.of("trace", "export", "--format=svg", "-o", picture.toString(), trace.toString()),
                picture + ": cannot write (no such file or directory)");
    }
}
