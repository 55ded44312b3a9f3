package org.l4emu.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.l4emu.tools.CommandLineRun;

/** The recording benchmark's run: the recorder is the only observer, and the timer still hears the marks. */
class TracedRunTest {
    @Test
    void theTimerHearsTheGuestsMarksThroughTheRecorder() throws Exception {
        MarkTimer timer = new MarkTimer(MarkTimer.WALL);
        assertEquals(0, TracedRun.run(Path.of(CommandLineRun.guest("bench_cross.xml")), timer));
        assertTrue(timer.complete(), "no start and end mark");
        assertTrue(timer.instructions() > 100_000, "the marks enclose the round trips: " + timer.instructions());
    }
}
