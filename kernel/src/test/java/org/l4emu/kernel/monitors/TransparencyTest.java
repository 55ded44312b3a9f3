package org.l4emu.kernel.monitors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.l4emu.kernel.monitors.Transcript.assertExitCode;
import static org.l4emu.kernel.monitors.Transcript.assertLine;
import static org.l4emu.kernel.monitors.Transcript.linesStartingWith;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md R4: the transparency client and server (guest-programs/src/transparency_*.c) run
 * with no monitor, one pass-through monitor and a chain of three. Everything either program
 * prints must be the same; only times, on "client: time:" lines, may differ.
 */
@DisplayName("R4 Transparency of monitors")
class TransparencyTest {
    private static final Pattern STEP_TIME = Pattern.compile("client: time: step (\\d+) took (\\d+) us");
    private static final int SEND_ONLY_STEP = 10;
    private static GuestRun direct;
    private static GuestRun one;
    private static GuestRun chain;

    @BeforeAll
    static void boot() {
        direct = GuestRun.boot("transparency_direct.xml");
        one = GuestRun.boot("transparency_one.xml");
        chain = GuestRun.boot("transparency_chain.xml");
    }

    private static List<String> serverLines(GuestRun run) {
        return linesStartingWith(run, "server:");
    }

    private static List<String> clientResults(GuestRun run) {
        return linesStartingWith(run, "client:").stream().filter(line -> !line.startsWith("client: time:")).toList();
    }

    @Test
    @DisplayName("R4: the server receives the same requests (source, label, words, dope) and sees the same errors")
    void serverSeesTheSame() {
        assertEquals(serverLines(direct), serverLines(one), "one pass-through monitor");
        assertEquals(serverLines(direct), serverLines(chain), "three pass-through monitors");
    }

    @Test
    @DisplayName("R4: the client sees the same results (outcome, ErrorCode, from, dope, reply) for calls, sends and errors")
    void clientSeesTheSame() {
        assertEquals(clientResults(direct), clientResults(one), "one pass-through monitor");
        assertEquals(clientResults(direct), clientResults(chain), "three pass-through monitors");
    }

    @Test
    @DisplayName("R4: the runs compared are the plain L4 behaviour (S1-S4), not a shared failure")
    void baselineIsPlainIpc() {
        assertLine(direct, "client: step 1, echo, 3 words: no error, from server, dope 0x0, label 0x101, words 3 66 11");
        assertLine(direct, "client: step 2, echo with a zero send timeout, server waiting: no error, from server, "
                + "dope 0x0, label 0x101, words 2 33 11");
        assertLine(direct, "client: step 5, echo with a zero send timeout, server busy: error 1 (timeout), phase send, "
                + "ErrorCode 0x1, from nilthread, dope 0x100 (error 1 send)");
        assertLine(direct, "client: step 8, request without reply, 300 us receive timeout: error 1 (timeout), "
                + "phase receive, ErrorCode 0x1, from nilthread, dope 0x1100 (error 1 receive)");
        assertLine(direct, "client: step 11, call to a thread that has exited: error 2 (no partner), phase send, "
                + "ErrorCode 0x2, from nilthread, dope 0x200 (error 2 send)");
        assertLine(direct, "server: request from client, label 0x100, words 40 words, sum 9020, dope 0x0");
        assertLine(direct, "server: late reply: error 1 (timeout), phase send, ErrorCode 0x1");
        assertLine(direct, "server: more from client, label 0x410, words 11 22, dope 0x0");
        assertLine(direct, "server: nothing more: error 1 (timeout), phase receive, ErrorCode 0x1, from nilthread");
        assertEquals(14, clientResults(direct).size(), () -> Transcript.of(direct));
        for (GuestRun run : List.of(direct, one, chain)) {
            assertExitCode(run, 0);
        }
    }

    @Test
    @DisplayName("R4: the monitors really were on the path: each one adds time to a send")
    void monitorsAddTime() {
        long none = stepTime(direct, SEND_ONLY_STEP);
        long single = stepTime(one, SEND_ONLY_STEP);
        long three = stepTime(chain, SEND_ONLY_STEP);
        assertTrue(none < single && single < three,
                () -> "send took " + none + ", " + single + " and " + three + " us");
    }

    private static long stepTime(GuestRun run, int step) {
        for (String line : run.lines()) {
            Matcher matcher = STEP_TIME.matcher(line);
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) == step) {
                return Long.parseLong(matcher.group(2));
            }
        }
        throw new AssertionError("no time for step " + step + Transcript.of(run));
    }
}
