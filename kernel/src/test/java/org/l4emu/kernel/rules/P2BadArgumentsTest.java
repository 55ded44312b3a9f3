package org.l4emu.kernel.rules;

import static org.l4emu.kernel.rules.ScenarioAssertions.assertLine;
import static org.l4emu.kernel.rules.ScenarioAssertions.assertPassed;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.kernel.GuestRun;

/**
 * docs/semantics.md P2 for the arguments docs/abi.md defines, through guest-programs/src/p2_bad_arguments.c.
 * Every IPC goes to a thread that never receives with a 1000 us send timeout, so an argument the
 * kernel checked late would read "error 1 (timeout) ... after ~1000 us".
 */
@DisplayName("P2 Bad arguments")
class P2BadArgumentsTest {
    private static GuestRun run;

    @BeforeAll
    static void boot() {
        run = GuestRun.boot("p2_bad_arguments.xml");
    }

    @Test
    @DisplayName("P2: a send descriptor with option bits but O = 0 gets error 9 before any waiting")
    void optionCodeWithoutOptionBit() {
        assertLine(run, "P2 send descriptor with an option code but O = 0: "
                + "error 9 (invalid argument), phase send, after ~0 us");
    }

    @Test
    @DisplayName("P2: a timeout with bit 15 set gets error 9 in its own phase before any waiting")
    void timeoutBit15() {
        assertLine(run, "P2 send timeout with bit 15 set: error 9 (invalid argument), phase send, after ~0 us");
        assertLine(run, "P2 receive timeout with bit 15 set: error 9 (invalid argument), phase receive, after ~0 us");
    }

    @Test
    @DisplayName("P2: an IPC parameter block outside user space gets error 9 before any waiting")
    void parameterBlockInKernelSpace() {
        assertLine(run, "P2 IPC parameter block at a kernel address: "
                + "error 9 (invalid argument), phase send, after ~0 us");
    }

    @Test
    @DisplayName("P2: an IPC parameter block at an unmapped user address gets error 9 before any waiting")
    void parameterBlockUnmapped() {
        assertLine(run, "P2 IPC parameter block at an unmapped user address: "
                + "error 9 (invalid argument), phase send, after ~0 us");
    }

    @Test
    @DisplayName("P2: a message tag with u + t > 63 gets error 9 before any waiting")
    void messageTooLong() {
        assertLine(run, "P2 message tag with u + t = 65: error 9 (invalid argument), phase send, after ~0 us");
    }

    @Test
    @DisplayName("P2: kdebug with a kernel address or an undefined op returns error 9")
    void badKdebug() {
        assertLine(run, "P2 kdebug write from a kernel address, result: 9");
        assertLine(run, "P2 kdebug with an undefined op, result: 9");
    }

    @Test
    @DisplayName("P2: an undefined system call number returns to the caller")
    void undefinedSystemCall() {
        assertLine(run, "P2 an undefined system call number returns to the caller: yes");
    }

    @Test
    @DisplayName("P2: unmap of an fpage not aligned to its size sets result 0 to 9")
    void invalidUnmap() {
        assertLine(run, "P2 unmap of an fpage not aligned to its size, result: 9");
    }

    @Test
    @DisplayName("P2: unmap with a flag bit other than bit 0 sets result 0 to 9")
    void undefinedUnmapFlag() {
        assertLine(run, "P2 unmap with a flag bit other than bit 0, result: 9");
    }

    @Test
    @DisplayName("P2: privileged calls from an unprivileged task get error 6")
    void privilegedCallsRefused() {
        assertLine(run, "P2 exchange_registers on another task's thread, result: 6");
        assertLine(run, "P2 thread_control from an unprivileged task, result: 6");
        assertLine(run, "P2 redirect from an unprivileged task, result: 6");
    }

    @Test
    @DisplayName("P2: the scenario passes and shuts down with exit code 0")
    void passes() {
        assertPassed(run, "P2");
    }
}
