package org.l4emu.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.l4emu.emulator.elf.ElfImage;

/**
 * A 'z' packet removes what the matching 'Z' inserted. GDB removes its points at every stop and
 * inserts them again when it resumes, and a stop in another task's thread changes whose memory
 * a watchpoint would be in: the removal must still find the watchpoint, or it stays hooked after
 * GDB deleted it and stops the guest for ever after.
 */
class InsertedPointsTest {
    @ParameterizedTest
    @ValueSource(strings = {"arm", "x86"})
    @DisplayName("a watchpoint inserted with ping's thread selected is removed with pong's selected")
    void watchpointRemovedFromAnotherTasksThread(String arch) throws Exception {
        List<String> replies = ScriptedSession.replies(ScriptedSession.guest(arch, "pingpong.xml"),
                List.of("Hg1", "Z2,bff00004,4", "Hg2", "z2,bff00004,4", "c"));

        assertEquals(List.of("OK", "OK", "OK", "OK", "W00", "X09"), replies);
    }

    @Test
    @DisplayName("a software and a hardware breakpoint at one address: removing one leaves the other")
    void breakpointInsertedTwice() throws Exception {
        int main = ElfImage.read(ScriptedSession.guest("arm", "ping.elf")).symbol("main").orElseThrow();
        String at = Integer.toHexString(main) + ",4";
        List<String> replies = ScriptedSession.replies(ScriptedSession.guest("arm", "pingpong.xml"),
                List.of("Z0," + at, "Z1," + at, "z1," + at, "c"));

        assertTrue(replies.get(3).startsWith("T05thread:1;swbreak:;"), replies.toString());
    }
}
