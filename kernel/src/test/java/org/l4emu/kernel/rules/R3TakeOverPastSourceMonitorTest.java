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
import org.l4emu.kernel.ipc.Dope;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.kernel.ipc.Phase;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.system.RedirectSpec;

/**
 * docs/semantics.md R3 with M1 and M9, on the scripted machine: option 5 names, as blocked
 * source, a source whose own send still waits for its source-class monitor (busy, not yet
 * receiving). The source is a blocked source from its send on (M1), in an IPC whose path holds
 * the forwarder, which is all R3 asks: the forward is permitted and takes the IPC over, whichever
 * monitor of the path makes it. The source's waiting message is withdrawn, so the monitors
 * before the forwarder never see it, as at the M4 check (docs/spec-decisions.md).
 */
@DisplayName("R3 Option 5 naming a source that waits for its source monitor")
class R3TakeOverPastSourceMonitorTest {
    private static final int NEVER = Abi.Timeouts.NEVER;
    private static final int LABEL = 0x7 << 16;
    private static final int SOURCE_MESSAGE = 42;
    private static final int MONITOR_MESSAGE = 7;
    /** The scripted machine runs 100 instructions per µs. */
    private static final int INSTRUCTIONS_PER_100_US = 10_000;
    /** A receive timeout of 500 µs: with from_spec = the thread itself, a sleep. */
    private static final int SLEEP_500_US = 500;
    /** A receive timeout of 1000 µs, no send phase. */
    private static final int RECEIVE_1000_US = 1000;

    private static ScriptedSystem boot(Architecture architecture) throws BootException {
        return ScriptedSystem.builder(architecture).task("client").monitorTask("srcmon").monitorTask("sysmon")
                .task("server")
                .redirect("client", RedirectSpec.ANY_TASK, "srcmon", MonitorClass.SOURCE)
                .redirect("client", "server", "sysmon", MonitorClass.SYSTEM)
                .events(new InvariantChecker()).boot();
    }

    /** Receives the next message and forwards it as from its true source with option 4, to {@code to}. */
    private static ScriptedThread passOn(ScriptedThread monitor, ScriptedThread to, int[] seen) {
        return monitor.waitForAny().then(m -> {
            seen[0] = m.from();
            seen[1] = m.mr(1);
            seen[2] = m.dope();
        }).then(m -> m.message(m.mr(0), m.mr(1)).forward(to.id(), m.from(), Abi.Option.DECEIT, NEVER));
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("R3, M1: the system monitor's option 5 takes the waiting IPC over; the server gets the "
            + "monitor's message once, the source monitor nothing, and final delivery releases the client")
    void laterMonitorTakesOverPastTheSourceMonitor(Architecture architecture) throws BootException {
        try (ScriptedSystem system = boot(architecture)) {
            ScriptedThread client = system.thread("client");
            ScriptedThread srcmon = system.thread("srcmon");
            ScriptedThread sysmon = system.thread("sysmon");
            ScriptedThread server = system.thread("server");
            ThreadState[] clientAtForward = new ThreadState[1];
            int[] forwardDope = {-1};
            int[] atSourceMonitor = new int[3];
            int[] atServer = new int[3];
            client.message(LABEL | 1, SOURCE_MESSAGE).ipc(server.id(), ThreadId.NIL, NEVER, 0);
            // Busy elsewhere: asleep until 500 us, not yet receiving.
            srcmon.ipc(ThreadId.NIL, srcmon.id(), SLEEP_500_US, 0);
            passOn(srcmon, server, atSourceMonitor);
            sysmon.step(new Step.Compute(INSTRUCTIONS_PER_100_US)).then(m -> clientAtForward[0] = client.state())
                    .message(LABEL | 1, MONITOR_MESSAGE)
                    .forward(server.id(), client.id(), client.id(), Abi.Option.DECEIT_BLOCKED_SOURCE, NEVER)
                    .then(m -> forwardDope[0] = m.dope());
            server.waitForAny().then(s -> {
                atServer[0] = s.from();
                atServer[1] = s.mr(1);
            }).ipc(ThreadId.NIL, ThreadId.ANY, RECEIVE_1000_US, 0).then(s -> atServer[2] = s.dope());
            system.run();
            assertEquals(ThreadState.SENDING, clientAtForward[0], "the client still waits for its source monitor");
            assertEquals(0, forwardDope[0], "R3: the client is a blocked source in an IPC whose path holds sysmon");
            assertEquals(0, atSourceMonitor[0], "the client's own message was withdrawn before srcmon received");
            assertEquals(client.id(), atServer[0], "R4: the server gets the forward as from the client");
            assertEquals(MONITOR_MESSAGE, atServer[1]);
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.RECEIVE), atServer[2], "once: nothing else arrives");
            assertEquals(0, client.dope(), "M2: final delivery releases the client");
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("R3, M9: the busy source monitor's own option 5 takes the waiting IPC over and carries it on to "
            + "the system monitor and the server")
    void busyMonitorItselfMayTakeOver(Architecture architecture) throws BootException {
        try (ScriptedSystem system = boot(architecture)) {
            ScriptedThread client = system.thread("client");
            ScriptedThread srcmon = system.thread("srcmon");
            ScriptedThread sysmon = system.thread("sysmon");
            ScriptedThread server = system.thread("server");
            int[] atSystemMonitor = new int[3];
            int[] atServer = new int[3];
            client.message(LABEL | 1, SOURCE_MESSAGE).ipc(server.id(), ThreadId.NIL, NEVER, 0);
            srcmon.step(new Step.Compute(INSTRUCTIONS_PER_100_US)).message(LABEL | 1, MONITOR_MESSAGE)
                    .forward(server.id(), client.id(), client.id(), Abi.Option.DECEIT_BLOCKED_SOURCE, NEVER);
            passOn(sysmon, server, atSystemMonitor);
            server.waitForAny().then(s -> {
                atServer[0] = s.from();
                atServer[1] = s.mr(1);
            }).ipc(ThreadId.NIL, ThreadId.ANY, RECEIVE_1000_US, 0).then(s -> atServer[2] = s.dope());
            system.run();
            assertEquals(0, srcmon.dope(), "R3, M9: the monitor the client waits for may take its IPC over");
            assertEquals(client.id(), atSystemMonitor[0]);
            assertEquals(MONITOR_MESSAGE, atSystemMonitor[1], "the source monitor's message, not the client's");
            assertEquals(client.id(), atServer[0]);
            assertEquals(MONITOR_MESSAGE, atServer[1]);
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.RECEIVE), atServer[2],
                    "the client's own message was withdrawn: nothing else arrives");
            assertEquals(0, client.dope(), "M2: final delivery releases the client");
        }
    }
}
