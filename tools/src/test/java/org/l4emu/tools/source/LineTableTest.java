package org.l4emu.tools.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.l4emu.tools.CommandLineRun;

/** The DWARF line reader agrees with binutils' readelf on the guests (ARM, Thumb, x86; DWARF 3 and 5 units). */
class LineTableTest {
    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"arm, ping.elf", "arm, pong.elf", "x86, ping.elf", "x86, pong.elf"})
    @DisplayName("every row of the line table is the one binutils' readelf decodes (file and line)")
    void agreesWithReadelf(String arch, String image) throws Exception {
        Path file = CommandLineRun.GUESTS.resolveSibling(arch).resolve(image);
        LineTable table = LineTable.of(Files.readAllBytes(file));
        Process process;
        try {
            process = new ProcessBuilder("readelf", "--debug-dump=decodedline", file.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("readelf is not installed (binutils)");
            return;
        }
        Map<Integer, String> expected = new TreeMap<>();
        for (String line : new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 3 && columns[2].startsWith("0x") && !columns[1].equals("-")) {
                expected.put(Integer.decode(columns[2]), columns[0] + ":" + columns[1]);
            }
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(expected.size() > 50, "rows: " + expected.size());
        expected.forEach((address, where) -> assertEquals(where, table.at(address)
                .map(s -> Path.of(s.file()).getFileName() + ":" + s.line()).orElse("none"),
                "at 0x" + Integer.toHexString(address)));
    }

    @Test
    @DisplayName("malformed debug sections give an empty table, never an exception")
    void malformed() throws IOException {
        byte[] image = Files.readAllBytes(CommandLineRun.GUESTS.resolve("ping.elf"));
        for (int cut = 0; cut < image.length; cut += image.length / 97) {
            byte[] damaged = image.clone();
            for (int i = cut; i < Math.min(image.length, cut + 64); i++) {
                damaged[i] = (byte) 0xff;
            }
            LineTable.of(damaged).at(0x10000);
        }
        assertTrue(LineTable.of(new byte[10]).isEmpty());
    }
}
