package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md S3, through guest-programs/src/s3_timeouts.c. "~N us" means the measured time fell
 * in the scenario's window around N (a few microseconds for the measuring system calls).
 */
@DisplayName("S3 Timeouts")
class S3TimeoutsTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("s3_timeouts.xml");
    }

    @Test
    @DisplayName("S3: a zero send timeout fails at once when the receiver is not waiting")
    void zeroSendTimeout() {
        assertLine(run, "S3 zero send timeout, receiver not waiting: error 1 (timeout), phase send, after ~0 us");
    }

    @Test
    @DisplayName("S3: a zero receive timeout fails at once when nobody is sending")
    void zeroReceiveTimeout() {
        assertLine(run, "S3 zero receive timeout, nobody sending: error 1 (timeout), phase receive, after ~0 us");
    }

    @Test
    @DisplayName("S3: a 500 us receive timeout in a closed wait expires exactly 500 us later")
    void closedWaitReceiveTimeout() {
        assertLine(run, "S3 500 us receive timeout, closed wait on a thread that never sends: "
                + "error 1 (timeout), phase receive, after ~500 us");
    }

    @Test
    @DisplayName("S3: a 1500 us receive timeout (exponent 1) in an open wait expires exactly 1500 us later")
    void openWaitReceiveTimeout() {
        assertLine(run, "S3 1500 us receive timeout, open wait nobody answers: "
                + "error 1 (timeout), phase receive, after ~1500 us");
    }

    @Test
    @DisplayName("S3: a 700 us send timeout expires exactly 700 us later")
    void sendTimeoutExpires() {
        assertLine(run, "S3 700 us send timeout to a thread that never receives: "
                + "error 1 (timeout), phase send, after ~700 us");
    }

    @Test
    @DisplayName("S3: a send succeeds when the receiver becomes ready before the send timeout")
    void sendBeforeTimeout() {
        assertLine(run, "S3 2000 us send timeout, receiver ready after 400 us: no error, after ~400 us");
    }

    @Test
    @DisplayName("S3: a never send timeout waits for as long as the receiver takes")
    void neverSendTimeout() {
        assertLine(run, "S3 never send timeout, receiver ready after 3000 us: no error, after ~3000 us");
    }

    @Test
    @DisplayName("S3: a never receive timeout waits for as long as the sender takes")
    void neverReceiveTimeout() {
        assertLine(run, "S3 never receive timeout, sender sends after 2500 us: no error, after ~2500 us");
    }

    @Test
    @DisplayName("S3: a zero send timeout succeeds at once when the receiver is waiting")
    void zeroSendTimeoutToWaitingReceiver() {
        assertLine(run, "S3 zero send timeout, receiver waiting: no error, after ~0 us");
    }

    @Test
    @DisplayName("S3: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "S3");
    }
}
