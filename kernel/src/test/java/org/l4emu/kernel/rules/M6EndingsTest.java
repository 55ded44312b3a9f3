package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md M6, the endings {@link M6SettledTest} leaves out, through
 * guest-programs/src/m6_endings.c: another monitor's option 3 is reported and the source held;
 * the source's cancellation and death, and an M4 send timeout, reach the source at once and the
 * controlling monitor is told.
 */
@DisplayName("M6 Controlled synchrony, the endings that remove the source")
class M6EndingsTest {
    private static final String NOTIFIED = "notification from nilthread, dope 0x5 (option 2), MR0 0x8004, ";
    private static final String BY_CLIENT = NOTIFIED + "blocked source client, true source client, ";
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m6_endings.xml");
    }

    @Test
    @DisplayName("M6: another monitor's option 3 is reported with 0 and the source held until the controller decides")
    void othersUnblockIsReported() {
        assertLine(run, "M6 other on 0x60: option 3 to the blocked source: no error");
        assertLine(run, "M6 ctl on 0x60: " + BY_CLIENT + "final receiver server, error 0");
        assertLine(run, "M6 client: send with other's option 3 while ctl controls, then ctl's option 3: no error");
        assertLine(run, "M6 ctl on 0x61: " + BY_CLIENT + "final receiver server, error 0");
        assertLine(run, "M6 client: send with other's option 3 while ctl controls, then ctl's option 1:"
                + " error 8 (monitor error), phase send");
        assertLine(run, "M6 client: ErrorCode is ctl's code 0xe3: yes");
        assertLine(run, "M6 client: held until ctl decided: yes");
    }

    @Test
    @DisplayName("M6: the source's cancellation while a monitor holds its message reaches it at once; the controller is told 3")
    void cancellationAtAMonitor() {
        assertLine(run, "M6 client: send with a cancellation while other holds the message and ctl controls:"
                + " error 3 (cancelled), phase send, after ~400 us");
        assertLine(run, "M6 ctl on 0x62: " + BY_CLIENT + "final receiver server, error 3");
        assertLine(run, "M6 ctl on 0x62: option 3 to client afterwards: error 6 (not permitted), phase send");
    }

    @Test
    @DisplayName("M6: the source's cancellation while held after final delivery reaches it at once; the controller is told 0, then 3")
    void cancellationWhileHeld() {
        assertLine(run, "M6 server: label 0x63 from client");
        assertLine(run, "M6 ctl on 0x63: " + BY_CLIENT + "final receiver server, error 0");
        assertLine(run, "M6 client: send with a cancellation while the client is held for ctl after final delivery:"
                + " error 3 (cancelled), phase send, after ~400 us");
        assertLine(run, "M6 ctl on 0x63: " + BY_CLIENT + "final receiver server, error 3");
        assertLine(run, "M6 ctl on 0x63: option 3 to client afterwards: error 6 (not permitted), phase send");
    }

    @Test
    @DisplayName("M6, M4: a send timeout at a source monitor that controls reaches the source at once; the monitor is told 1")
    void sendTimeoutWithSourceMonitorControlling() {
        assertLine(run, "M6 client: send with a 500 us send timeout to slow, guard controlling:"
                + " error 1 (timeout), phase send, after ~700 us");
        assertLine(run, "M6 guard: forward to slow as controlling monitor: error 1 (timeout), phase send");
        assertLine(run, "M6 guard: " + BY_CLIENT + "final receiver slow, error 1");
        assertLine(run, "M6 guard: option 3 to client afterwards: error 6 (not permitted), phase send");
    }

    @Test
    @DisplayName("M6: the source's death while a monitor holds its message is told to the controller with 2")
    void death() {
        assertLine(run, "M6 other on 0x65: holds the message");
        assertLine(run, "M6 client: thread_control deletes client.helper while other holds its message: 0");
        assertLine(run, "M6 ctl on 0x65: " + NOTIFIED
                + "blocked source client.helper, true source client.helper, final receiver server, error 2");
        assertLine(run, "M6 ctl on 0x65: option 3 to client.helper afterwards: error 6 (not permitted), phase send");
    }

    @Test
    @DisplayName("M6: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "M6");
    }
}
