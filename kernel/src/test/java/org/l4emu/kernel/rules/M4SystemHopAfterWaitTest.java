package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.system.RedirectSpec;

/**
 * docs/semantics.md M4, on the scripted machine: "past that point, hops into system-class monitors
 * never time out for the source", also when the IPC had to wait at the check for the final
 * receiver to become ready.
 */
@DisplayName("M4 Past the check, after waiting for the final receiver")
class M4SystemHopAfterWaitTest {
    private static final int NEVER = Abi.Timeouts.NEVER;
    private static final int LABEL = 0x7 << 16;
    private static final int SEND_1000US = 1000 << 16;
    private static final int SEND_500US = 500 << 16;
    private static final int SLEEP_10US = 10;
    private static final int SLEEP_100US = 100;
    private static final int SLEEP_3000US = 2 << 10 | 750;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M4: the source's send waits for the server (ready at ~100 us), then for a system monitor that "
            + "first receives at ~3000 us, past its 1000 us send timeout: no error, and the server gets the message")
    void sourceNeverTimesOutIntoSystemMonitorAfterWaiting(Architecture architecture) throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("sysmon")
                .task("server").redirect("client", "server", "sysmon", MonitorClass.SYSTEM).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread sysmon = system.thread("sysmon");
            ScriptedThread server = system.thread("server");
            sleep(sysmon, SLEEP_3000US).waitForAny()
                    .then(m -> m.message(m.mr(0), m.mr(1)).forward(server.id(), m.from(), Abi.Option.DECEIT, NEVER));
            int[] received = new int[2];
            sleep(server, SLEEP_100US).waitForAny().then(s -> {
                received[0] = s.from();
                received[1] = s.mr(1);
            });
            int[] clientDope = {-1};
            sleep(client, SLEEP_10US).message(LABEL | 1, 42).ipc(server.id(), ThreadId.NIL, SEND_1000US, 0)
                    .then(c -> clientDope[0] = c.dope());
            system.run();
            assertEquals(0, clientDope[0], "M4: no timeout for the source past the check");
            assertEquals(client.id(), received[0], "R4: the server gets the message as from the client");
            assertEquals(42, received[1]);
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M4: a source monitor's forward that waited for the server goes on into the system monitor under "
            + "the source monitor's own send timeout: it gets error 1 and the source stays blocked")
    void sourceMonitorForwardKeepsItsOwnTimeoutAfterWaiting(Architecture architecture) throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("smon")
                .monitorTask("sysmon").task("server")
                .redirect("client", RedirectSpec.ANY_TASK, "smon", MonitorClass.SOURCE)
                .redirect("client", "server", "sysmon", MonitorClass.SYSTEM).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread smon = system.thread("smon");
            ScriptedThread sysmon = system.thread("sysmon");
            ScriptedThread server = system.thread("server");
            int[] reachedSystemMonitor = new int[1];
            sleep(sysmon, SLEEP_3000US).waitForAny().then(m -> reachedSystemMonitor[0] = m.from());
            sleep(server, SLEEP_100US).waitForAny();
            int[] forwardDope = {-1};
            smon.waitForAny().message(LABEL | 1, 42)
                    .forward(server.id(), client.id(), Abi.Option.DECEIT, SEND_500US)
                    .then(m -> forwardDope[0] = m.dope());
            client.message(LABEL | 1, 42).ipc(server.id(), ThreadId.NIL, SEND_1000US, 0);
            system.run();
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.SEND), forwardDope[0],
                    "R3: the source monitor's forward is its own send, under its own timeout");
            assertEquals(0, reachedSystemMonitor[0]);
            assertEquals(ThreadState.AWAITING_DELIVERY, client.state(), "M3: the source monitor decides");
        }
    }

    /** A receive from itself: sleeps for {@code timeout} (16-bit encoding, receive part). */
    private static ScriptedThread sleep(ScriptedThread thread, int timeout) {
        return thread.ipc(ThreadId.NIL, thread.id(), timeout, 0);
    }
}
