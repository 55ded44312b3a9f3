package org.l4emu.tools.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Guest console text as trace show and step print it: one line, and nothing a terminal obeys. */
class EventTextTest {
    @Test
    @DisplayName("controls, DEL, C1 controls and bidirectional overrides in console text are escaped")
    void consoleTextCannotDriveTheTerminal() {
        assertEquals("\"a\\x1b[2Jb\\x7f\\x9b\\u202eé\\n\\t\\\"\"",
                EventText.quoted("a\u001b[2Jb\u007f\u009b\u202eé\n\t\""));
    }

    @Test
    @DisplayName("in a picture the same characters become spaces")
    void consoleTextInAPictureIsPrintable() {
        assertEquals("a [2Jb   é  \"", EventText.printable("a\u001b[2Jb\u007f\u009b\u202eé\n\t\""));
    }
}
