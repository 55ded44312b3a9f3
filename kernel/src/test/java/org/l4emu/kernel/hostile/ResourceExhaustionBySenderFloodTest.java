package org.l4emu.kernel.hostile;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** MINIX 3 threat class "resource exhaustion": a sender flood (guest-programs/src/hostile_sender_flood.c). */
@DisplayName("Resource exhaustion by a sender flood")
class ResourceExhaustionBySenderFloodTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = CheckedRun.boot("hostile_sender_flood.xml");
    }

    @Test
    @DisplayName("a closed wait picks the trusted client out of eight queued flooders")
    void closedWaitBypassesTheFlood() {
        assertLine(run, "H2 closed wait on the client while 8 flooders wait to send: a message from: client");
    }

    @Test
    @DisplayName("the queue is first in, first out: every flooder is served, none starves")
    void noFlooderStarves() {
        assertLine(run, "H2 flood messages among the first 16 an open wait received: 16");
        assertLine(run, "H2 flooders served among them (first in, first out: none starves): 8");
        assertLine(run, "H2 the client's call, queued behind the flooders, came within 8 messages: yes");
    }

    @Test
    @DisplayName("zero-timeout spam to a busy server fails at once and never reaches it")
    void spamCostsTheServerNothing() {
        assertLine(run, "H2 zero-timeout sends to the busy server that failed with error 1 in the send phase: 1000");
    }

    @Test
    @DisplayName("the scenario passes and shuts down with 0")
    void passes() {
        assertPassed(run, "H2");
    }
}
