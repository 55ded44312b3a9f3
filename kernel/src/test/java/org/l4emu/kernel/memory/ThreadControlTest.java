package org.l4emu.kernel.memory;

import static org.l4emu.kernel.monitors.Transcript.assertLine;
import static org.l4emu.kernel.monitors.Transcript.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/** thread_control and exchange_registers at run time (ABI section 3), through guest-programs/src/thread_control.c. */
@DisplayName("thread_control")
class ThreadControlTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("thread_control.xml");
    }

    @Test
    @DisplayName("thread_control: a thread created in the caller's task runs in its memory with the ID and pager given")
    void threadInOwnTask() {
        assertLine(run, "thread_control: a thread in the creator's own task: 0");
        assertLine(run, "exchange_registers: setting its sp and ip and starting it: 0");
        assertLine(run, "thread_control: it runs; l4_myself() there is the ID given: yes");
        assertLine(run, "thread_control: its pager is the one given: yes");
        assertLine(run, "thread_control: it shares the creator's memory: yes");
    }

    @Test
    @DisplayName("thread_control: a new task (space = dest) starts empty and is paged by its creator")
    void newTask() {
        assertLine(run, "thread_control: a new task (space = dest), started with exchange_registers: 0");
        assertLine(run, "thread_control: the new task runs the creator's code, each page faulting to the creator: yes");
        assertLine(run, "thread_control: it called the server with 42 and got: 43");
        assertLine(run, "thread_control: l4_myself() there is the ID given: yes");
        assertLine(run, "thread_control: its pager is the creator: yes");
        assertLine(run, "thread_control: its write to the creator's page, mapped read-only there: page fault (write)");
    }

    @Test
    @DisplayName("thread_control: space = nilthread deletes the thread; its ID is then dead")
    void delete() {
        assertLine(run, "thread_control: deleting the new task's thread, left waiting for its pager: 0");
        assertLine(run, "thread_control: a send to the deleted thread: error 2 (no partner), phase send");
        assertLine(run, "thread_control: deleting a thread that does not exist: 2");
    }

    @Test
    @DisplayName("thread_control: a used or reserved ID, version 0, or a bad or taken UTCB is an invalid argument (9)")
    void invalidArguments() {
        assertLine(run, "thread_control: a thread number in use: 9");
        assertLine(run, "thread_control: a number the kernel reserves (5): 9");
        assertLine(run, "thread_control: version 0: 9");
        assertLine(run, "thread_control: a UTCB that is not 512-byte aligned: 9");
        assertLine(run, "thread_control: a UTCB on the boot info page: 9");
        assertLine(run, "thread_control: a UTCB in kernel memory: 9");
        assertLine(run, "thread_control: the UTCB of a live thread of that task: 9");
        assertLine(run, "thread_control: a space named by a thread that does not exist: 2");
    }

    @Test
    @DisplayName("thread_control and exchange_registers on another task's thread are privileged (6)")
    void privileged() {
        assertLine(run, "thread_control from an unprivileged task: 6");
        assertLine(run, "exchange_registers from an unprivileged task on another task's thread: 6");
    }

    @Test
    @DisplayName("thread_control: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "thread_control");
    }
}
