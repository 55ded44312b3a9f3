package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.ipc.Dope;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.kernel.ipc.Phase;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.system.MonitorClass;

/**
 * docs/semantics.md M4 and R4, on the scripted machine: a final receiver that polls (receives with
 * a zero timeout) is in a receive phase at each poll, so an IPC waiting for it passes the check
 * there, as a direct send would be delivered at that poll. The message reaches it through the
 * system monitor at a later receive; the poll itself finds nothing and fails (S3).
 */
@DisplayName("M4 A polling final receiver is ready at its polls")
class M4PollingReceiverTest {
    private static final int NEVER = Abi.Timeouts.NEVER;
    private static final int LABEL = 0x7 << 16;
    private static final int SEND_1000US = 1000 << 16;
    private static final int RECEIVE_ZERO = 0x0400;
    private static final int SLEEP_100US = 100;
    private static final int POLLS = 4;
    private static final int STILL_BLOCKED = -1;

    /** One poll's results: dope, from, MR1. */
    private record Poll(int dope, int from, int mr1) {}

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M4, R4: the client's IPC passes the check at the server's first open poll, which fails; the "
            + "second poll gets the message from the client, and the client's send completes")
    void openPollPassesTheCheck(Architecture architecture) throws BootException {
        assertDeliveredAtSecondPoll(architecture, false);
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M4: a poll in a closed wait on the client is ready for the client's IPC too")
    void closedPollOnTheSourcePassesTheCheck(Architecture architecture) throws BootException {
        assertDeliveredAtSecondPoll(architecture, true);
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M4: polls in a closed wait on another thread are not ready for the client: its send times out "
            + "with error 1 and the system monitor never sees it")
    void closedPollOnAnotherThreadIsNotReady(Architecture architecture) throws BootException {
        try (ScriptedSystem system = monitoredSystem(architecture).task("other").boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread server = system.thread("server");
            int[] reachedSystemMonitor = new int[1];
            system.thread("sysmon").waitForAny().then(m -> reachedSystemMonitor[0] = m.from());
            poll(server, system.thread("other").id(), 12);
            int[] clientDope = send(client, server);
            system.run();
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.SEND), clientDope[0]);
            assertEquals(0, reachedSystemMonitor[0]);
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M4, M8: a destination monitor that polls is the final receiver: the IPC passes the check at its "
            + "first poll and its second poll is final delivery, which completes the client's send")
    void pollingDestinationMonitorIsTheFinalReceiver(Architecture architecture) throws BootException {
        try (ScriptedSystem system = monitoredSystem(architecture).monitorTask("dmon")
                .redirect("client", "server", "dmon", MonitorClass.DESTINATION).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread server = system.thread("server");
            ScriptedThread dmon = system.thread("dmon");
            forwardToServer(system.thread("sysmon"), server);
            server.waitForAny();
            List<Poll> polls = poll(dmon, ThreadId.ANY, POLLS);
            int[] clientDope = send(client, server);
            system.run();
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.RECEIVE), polls.get(0).dope());
            assertEquals(new Poll(Dope.REDIRECTED_BIT | Dope.DECEIT_BIT | Dope.option(Abi.Option.DECEIT),
                    client.id(), 42), polls.get(1));
            assertEquals(0, clientDope[0], "M8: receipt by the destination monitor is final delivery");
        }
    }

    private static void assertDeliveredAtSecondPoll(Architecture architecture, boolean closed) throws BootException {
        try (ScriptedSystem system = monitoredSystem(architecture).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread server = system.thread("server");
            forwardToServer(system.thread("sysmon"), server);
            List<Poll> polls = poll(server, closed ? client.id() : ThreadId.ANY, POLLS);
            int[] clientDope = send(client, server);
            system.run();
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.RECEIVE), polls.get(0).dope(),
                    "S3: the poll that passed the check found no message");
            assertEquals(new Poll(0, client.id(), 42), polls.get(1), "R4: as from the client's direct send");
            assertEquals(0, clientDope[0], "R4: the client's send completes, as without monitors");
        }
    }

    private static ScriptedSystem.Builder monitoredSystem(Architecture architecture) {
        return ScriptedSystem.builder(architecture).task("client").monitorTask("sysmon").task("server")
                .redirect("client", "server", "sysmon", MonitorClass.SYSTEM);
    }

    private static void forwardToServer(ScriptedThread sysmon, ScriptedThread server) {
        sysmon.waitForAny().then(m -> m.message(m.mr(0), m.mr(1))
                .forward(server.id(), m.from(), Abi.Option.DECEIT, NEVER));
    }

    /** {@code count} zero-timeout receives from {@code fromSpec}, 100 µs apart, the first after 100 µs. */
    private static List<Poll> poll(ScriptedThread receiver, int fromSpec, int count) {
        List<Poll> polls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            receiver.ipc(ThreadId.NIL, receiver.id(), SLEEP_100US, 0)
                    .ipc(ThreadId.NIL, fromSpec, RECEIVE_ZERO, 0)
                    .then(r -> polls.add(new Poll(r.dope(), r.from(), r.mr(1))));
        }
        return polls;
    }

    /** The client's send of MR1 = 42 with a 1000 µs send timeout; its dope when it ends, else {@link #STILL_BLOCKED}. */
    private static int[] send(ScriptedThread client, ScriptedThread server) {
        int[] dope = {STILL_BLOCKED};
        client.message(LABEL | 1, 42).ipc(server.id(), ThreadId.NIL, SEND_1000US, 0).then(c -> dope[0] = c.dope());
        return dope;
    }
}
