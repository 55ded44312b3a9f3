package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md P3 as amended (issue 12 item 6), through guest-programs/src/p3_task_churn.c: more
 * task create/delete rounds than physical memory could hold tasks if deletion freed nothing
 * (about 22,000 on arm and 26,000 on x86), and running out of physical memory is error 6.
 */
@DisplayName("P3 Task churn")
class P3TaskChurnTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("p3_task_churn.xml");
    }

    @Test
    @DisplayName("P3: 30,000 tasks created and deleted, some run and paged, in bounded memory")
    void churnInBoundedMemory() {
        assertLine(run, "P3 30000 tasks created and deleted, 30 of them run and paged from the pool: failures: 0");
    }

    @Test
    @DisplayName("P3: physical memory running out is error 6 to thread_control, and deleting gives it all back")
    void outOfMemoryIsErrorSix() {
        assertLine(run, "P3 tasks created without deleting until physical memory runs out: more than 1000: yes");
        assertLine(run, "P3 and then thread_control answers 6 (not permitted): 6");
        assertLine(run, "P3 deleting them all: failures: 0");
        assertLine(run, "P3 after deleting them all, tasks are created and deleted again: failures: 0");
    }

    @Test
    @DisplayName("P3: threads created and deleted in a live task free their slots and UTCBs")
    void ownThreadChurn() {
        assertLine(run, "P3 5000 threads created and deleted in the churner's own task, on one UTCB: failures: 0");
    }

    @Test
    @DisplayName("P3: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "P3");
    }
}
