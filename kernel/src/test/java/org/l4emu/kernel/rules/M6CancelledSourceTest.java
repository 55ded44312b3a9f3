package org.l4emu.kernel.rules;

import static org.l4emu.kernel.monitors.Transcript.assertInOrder;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** docs/semantics.md M6 (option 2 after the source was cancelled), through guest-programs/src/m6_cancelled_source.c. */
@DisplayName("M6 A notification of a cancelled source is passed on to the earlier controlling monitor")
class M6CancelledSourceTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("m6_cancelled_source.xml");
    }

    @Test
    @DisplayName("M6: the last controller is told of the cancellation, passes it on with option 2, and the first receives it")
    void passedOnAfterCancellation() {
        assertInOrder(run,
                "M6 first: forward as controlling monitor: no error",
                "M6 second: notification from nilthread, dope 0x5 (option 2), MR0 0x8004, blocked source client,"
                        + " true source client, final receiver stuck, error 3",
                "M6 second: option 2 to first, the earlier controlling monitor: no error",
                "M6 first: notification from second, dope 0x5 (option 2), MR0 0x4, blocked source client,"
                        + " true source client, final receiver stuck, error 3");
    }
}
