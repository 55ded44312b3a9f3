package org.l4emu.kernel.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.kernel.memory.UserLayout;

/** The layout checks that need descriptions too large for the corpus, and image paths beside a description. */
class UserLayoutFitTest {
    @TempDir
    Path dir;

    @Test
    void moreThreadsThanUtcbSlotsIsReportedAtTheFirstThreadWithoutOne() throws IOException {
        StringBuilder xml = new StringBuilder("<system arch=\"arm\">\n  <task name=\"a\" image=\"a.elf\">\n");
        for (int thread = 0; thread < UserLayout.MAX_UTCBS; thread++) {
            xml.append("    <thread name=\"t").append(thread).append("\" entry=\"main\" stack=\"16\"/>\n");
        }
        Path file = Files.writeString(dir.resolve("crowded.xml"), xml.append("  </task>\n</system>\n"));
        int lastThread = UserLayout.MAX_UTCBS - 1;

        String message = assertThrows(SystemDescriptionException.class, () -> SystemDescriptionParser.parse(file))
                .getMessage();

        assertEquals(file + ":" + (3 + lastThread) + ": task 'a' has more threads than its " + UserLayout.MAX_UTCBS
                + " UTCB slots, from thread 't" + lastThread + "' on", message);
    }

    @Test
    void anImageNamedDotBesideADescriptionInTheWorkingDirectoryIsThatDirectory() {
        assertEquals(Path.of("."), FileNames.besideDescription(Path.of("system.xml"), "."));
        assertEquals(Path.of("dir"), FileNames.besideDescription(Path.of("dir", "system.xml"), "."));
        assertEquals(Path.of("dir", "a.elf"), FileNames.besideDescription(Path.of("dir", "system.xml"), "a.elf"));
    }
}
