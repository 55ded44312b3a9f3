package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.ArmOnly;
import org.l4emu.kernel.GuestRun;

/** The demo programs of guest-programs boot and print what guest-programs/README.md says. */
@DisplayName("Guest demo programs")
class GuestDemosTest {

    @Test
    @DisplayName("hello.elf prints one line and exits 0 once its only thread has exited")
    void hello() {
        GuestRun run = GuestRun.boot("hello.elf");
        assertEquals("hello from l4emu\n", run.console(), run.log());
        assertEquals(0, run.exitCode(), run.log());
    }

    @Test
    @ArmOnly("Thumb-2 is an ARM instruction set")
    @DisplayName("hello_thumb.elf starts in Thumb state (entry bit 0) and prints the same")
    void helloThumb() {
        GuestRun run = GuestRun.boot("hello_thumb.elf");
        assertEquals("hello from l4emu\n", run.console(), run.log());
        assertEquals(0, run.exitCode(), run.log());
    }

    @Test
    @DisplayName("abi_raw.elf, assembly written from docs/abi.md alone for each architecture, passes its own checks")
    void abiRaw() {
        GuestRun run = GuestRun.boot("abi_raw.elf");
        String preserved = GuestRun.ARCHITECTURE == Architecture.ARM ? "r4-r12, sp and lr preserved across svc"
                : "esi, edi, ebp and esp preserved across int $0x80";
        assertEquals("""
                abi_raw: hello through kdebug write
                abi_raw: boot info magic, version and arch ok
                abi_raw: UTCB MyGlobalId matches the boot info entry
                abi_raw: %s
                abi ok
                """.formatted(preserved), run.console(), run.log());
        assertEquals(0, run.exitCode(), run.log());
    }

    @Test
    @DisplayName("pingpong: two tasks exchange five calls in order (on arm, pong is a Thumb task)")
    void pingpong() {
        GuestRun run = GuestRun.boot("pingpong.xml");
        StringBuilder expected = new StringBuilder();
        for (int round = 1; round <= 5; round++) {
            expected.append("ping: call ").append(round).append('\n')
                    .append("pong: got ").append(round).append(" from ping\n")
                    .append("ping: reply ").append(round * 10).append('\n');
        }
        expected.append("ping: done\n");
        assertEquals(expected.toString(), run.console(), run.log());
        assertEquals(0, run.exitCode(), run.log());
    }

    @Test
    @DisplayName("server: an open-wait server serves three clients and every thread exits")
    void server() {
        GuestRun run = GuestRun.boot("server.xml");
        for (int client = 1; client <= 3; client++) {
            for (int request = 1; request <= 3; request++) {
                assertLine(run, "server: served client" + client + " request " + request);
            }
            assertLine(run, "client" + client + ": done");
        }
        assertLine(run, "server: all 3 clients done after 9 requests");
        assertEquals(0, run.exitCode(), run.log());
    }

    @Test
    @DisplayName("timeouts: the sleep, the receive timeout and the zero-timeout send behave as described")
    void timeouts() {
        GuestRun run = GuestRun.boot("timeouts.xml");
        List<String> lines = run.lines();
        assertEquals(4, lines.size(), run.console());
        assertMatches("timeouts: sleep 1000 us: clock \\d+ us before, \\d+ us after \\(\\+100[0-4] us\\)", lines.get(0));
        assertMatches("timeouts: receive from idle with a 500 us timeout: "
                + "error 1 \\(timeout\\), phase receive, after 50[0-4] us", lines.get(1));
        assertMatches("timeouts: send to idle with a zero timeout: error 1 \\(timeout\\), phase send, after [0-4] us",
                lines.get(2));
        assertEquals("timeouts: done", lines.get(3));
        assertEquals(0, run.exitCode(), run.log());
    }

    private static void assertMatches(String regex, String line) {
        assertTrue(Pattern.matches(regex, line), () -> "\"" + line + "\" does not match " + regex);
    }
}
