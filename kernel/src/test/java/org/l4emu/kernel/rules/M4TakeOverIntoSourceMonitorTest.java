package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.invariants.InvariantChecker;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.system.MonitorClass;

/**
 * docs/semantics.md M4 with R3 and R5, on the scripted machine: a forward that took over a source
 * waiting at the M4 check keeps the source's deadline only where it waits at the check. Its hop
 * into a source-class monitor has no timeout ("source-class monitors receive at once, with no
 * timeout"): the check, under the source's send timeout, comes when the last of them forwards.
 * The system monitor of (client, server) is a source monitor of (client, server2), followed by a
 * second one, so its forward to server2 goes on into that second source monitor (R5).
 */
@DisplayName("M4 A taken-over IPC forwarded into a source monitor")
class M4TakeOverIntoSourceMonitorTest {
    private static final int NEVER = Abi.Timeouts.NEVER;
    private static final int LABEL = 0x7 << 16;
    private static final int MONITOR_MESSAGE = 7;
    /** A send timeout of 1000 µs and a receive timeout of never. */
    private static final int SEND_1000_US = 1000 << 16;
    /** The scripted machine runs 100 instructions per µs. */
    private static final int INSTRUCTIONS_PER_100_US = 10_000;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M4: the forward waits for the busy source monitor past the client's 1000 us send timeout; the "
            + "client gets no error 1, and server2 gets the message")
    void noSourceDeadlineIntoSourceMonitor(Architecture architecture) throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("mon")
                .monitorTask("srcmon2").task("server").task("server2")
                .redirect("client", "server", "mon", MonitorClass.SYSTEM)
                .redirect("client", "server2", "mon", MonitorClass.SOURCE)
                .redirect("client", "server2", "srcmon2", MonitorClass.SOURCE)
                .events(new InvariantChecker()).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread mon = system.thread("mon");
            ScriptedThread srcmon2 = system.thread("srcmon2");
            ScriptedThread server = system.thread("server");
            ScriptedThread server2 = system.thread("server2");
            ThreadState[] clientAtForward = new ThreadState[1];
            int[] atSourceMonitor = new int[2];
            int[] atServer2 = new int[2];
            // The server never receives: the client's send waits at the M4 check.
            server.ipc(ThreadId.NIL, server.id(), NEVER, 0);
            client.message(LABEL | 1, 42).ipc(server.id(), ThreadId.NIL, SEND_1000_US, 0);
            mon.step(new Step.Compute(INSTRUCTIONS_PER_100_US)).then(m -> clientAtForward[0] = client.state())
                    .message(LABEL | 1, MONITOR_MESSAGE)
                    .forward(server2.id(), client.id(), client.id(), Abi.Option.DECEIT_BLOCKED_SOURCE, NEVER);
            srcmon2.step(new Step.Compute(20 * INSTRUCTIONS_PER_100_US)).waitForAny().then(m -> {
                atSourceMonitor[0] = m.from();
                atSourceMonitor[1] = m.mr(1);
            }).then(m -> m.message(m.mr(0), m.mr(1)).forward(server2.id(), m.from(), Abi.Option.DECEIT, NEVER));
            server2.waitForAny().then(s -> {
                atServer2[0] = s.from();
                atServer2[1] = s.mr(1);
            });
            system.run();
            assertEquals(ThreadState.SENDING, clientAtForward[0], "the client waits at the M4 check");
            assertEquals(0, mon.dope(), "M4: no timeout into a source-class monitor");
            assertEquals(client.id(), atSourceMonitor[0]);
            assertEquals(MONITOR_MESSAGE, atSourceMonitor[1]);
            assertEquals(client.id(), atServer2[0]);
            assertEquals(MONITOR_MESSAGE, atServer2[1]);
            assertEquals(0, client.dope(), "M2: final delivery releases the client, 2000 us after its send");
        }
    }
}
