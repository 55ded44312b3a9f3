package org.l4emu.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.kernel.object.Thread;
import org.l4emu.tools.replay.Replay;

/**
 * GDB keeps a thread's ID for as long as the thread lives: deleting other threads (the kernel's
 * list closes up) must not give an ID to another thread.
 */
class ThreadIdsTest {
    /**
     * The churner creates (and later deletes) a task in about 15 instructions: less than it takes
     * to create the tasks it holds at most (over 1000), and less than deleting 100 of them.
     */
    private static final long TO_THE_HOARD = 5_000;
    private static final long CHUNK = 500;

    @Test
    @DisplayName("a thread keeps its GDB ID while threads made before it are deleted (p3_task_churn)")
    void idsSurviveDeletions() throws Exception {
        DebugTarget target = new DebugTarget(ScriptedSession.nowhere());
        try (Replay replay = Replay.open(ScriptedSession.guest("arm", "p3_task_churn.xml"),
                new BootOptions(BootOptions.FROM_DESCRIPTION, BootOptions.UNLIMITED, false, true), target)) {
            target.attach(replay);
            while (target.threads().size() < 100 && !replay.ended()) {
                replay.runUntil(replay.position().instructions() + TO_THE_HOARD);
            }
            List<Thread> threads = target.threads();
            Thread watched = threads.getLast();
            int index = threads.size() - 1;
            int gdbId = target.gdbId(watched);
            while (!replay.ended() && target.threads().indexOf(watched) == index) {
                replay.runUntil(replay.position().instructions() + CHUNK);
            }

            assertTrue(target.threads().contains(watched), "deleted before a thread made earlier: " + watched.name());
            assertNotEquals(index, target.threads().indexOf(watched), "no thread before it was deleted");
            assertEquals(gdbId, target.gdbId(watched), watched.name());
            assertEquals(watched, target.thread(gdbId), watched.name());
        }
    }
}
