package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * docs/semantics.md R3 with M9 and M4, on the scripted machine: option 5 names, as blocked
 * source, a source whose own send still waits at the M4 check. That source is a blocked source
 * (M1, M9), so the forward is permitted and carries its IPC; the source's waiting message is
 * withdrawn, as options 1 and 3 withdraw it, and its send timeout still counts from its own send.
 */
@DisplayName("R3 Option 5 naming a source that waits at the M4 check")
class R3BlockedSourceAtM4Test {
    private static final int NEVER = Abi.Timeouts.NEVER;
    private static final int LABEL = 0x7 << 16;
    private static final int SOURCE_MESSAGE = 42;
    private static final int MONITOR_MESSAGE = 7;
    /** A send timeout of 1000 µs and a receive timeout of never. */
    private static final int SEND_1000_US = 1000 << 16;
    /** A receive timeout of 1000 µs, no send phase. */
    private static final int RECEIVE_1000_US = 1000;
    /** The scripted machine runs 100 instructions per µs. */
    private static final int INSTRUCTIONS_PER_100_US = 10_000;

    private static ScriptedSystem boot(Architecture architecture) throws BootException {
        return ScriptedSystem.builder(architecture).task("client").monitorTask("sysmon").task("server")
                .redirect("client", "server", "sysmon", MonitorClass.SYSTEM).events(new InvariantChecker()).boot();
    }

    /** Option 5 as {@code monitor}, naming {@code source} as true and blocked source, under {@code timeouts}. */
    private static ScriptedThread forwardNamingBlockedSource(ScriptedThread monitor, ScriptedThread source,
                                                             ScriptedThread to, int timeouts) {
        return monitor.message(LABEL | 1, MONITOR_MESSAGE)
                .forward(to.id(), source.id(), source.id(), Abi.Option.DECEIT_BLOCKED_SOURCE, timeouts);
    }

    private static long now(ScriptedSystem system) {
        return system.kernel().view().clock().now();
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("R3, M9: the forward is permitted; the destination gets the forwarded message only, and its "
            + "receipt releases the source (M1, M2)")
    void forwardCarriesTheWaitingIpc(Architecture architecture) throws BootException {
        try (ScriptedSystem system = boot(architecture)) {
            ScriptedThread client = system.thread("client");
            ScriptedThread sysmon = system.thread("sysmon");
            ScriptedThread server = system.thread("server");
            ThreadState[] clientAtForward = new ThreadState[2];
            int[] received = new int[4];
            client.message(LABEL | 1, SOURCE_MESSAGE).ipc(server.id(), ThreadId.NIL, SEND_1000_US, 0);
            sysmon.step(new Step.Compute(INSTRUCTIONS_PER_100_US)).then(m -> clientAtForward[0] = client.state());
            forwardNamingBlockedSource(sysmon, client, server, NEVER);
            // The server is ready only after the forward: until then both messages would wait for it.
            server.step(new Step.Compute(3 * INSTRUCTIONS_PER_100_US)).then(s -> clientAtForward[1] = client.state())
                    .waitForAny().then(s -> {
                        received[0] = s.from();
                        received[1] = s.mr(1);
                        received[2] = s.dope();
                    })
                    .ipc(ThreadId.NIL, ThreadId.ANY, RECEIVE_1000_US, 0).then(s -> received[3] = s.dope());
            system.run();
            assertEquals(ThreadState.SENDING, clientAtForward[0], "the client still waits at the M4 check");
            assertEquals(ThreadState.AWAITING_DELIVERY, clientAtForward[1],
                    "M1: the forward carries the client's IPC, its own message is withdrawn");
            assertEquals(0, sysmon.dope(), "R3, M9: the client is a blocked source on a path that holds sysmon");
            assertEquals(client.id(), received[0], "R4: from = the true source");
            assertEquals(MONITOR_MESSAGE, received[1], "the monitor's message, not the client's");
            assertEquals(0, received[2]);
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.RECEIVE), received[3],
                    "the client's own message was withdrawn: nothing else arrives");
            assertEquals(0, client.dope(), "M2: final delivery releases the blocked source");
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M4: the forward waits for the final receiver under the source's send timeout, still counted "
            + "from the source's own send; on expiry both get error 1 and nothing is delivered")
    void sourceSendTimeoutKeepsItsStart(Architecture architecture) throws BootException {
        try (ScriptedSystem system = boot(architecture)) {
            ScriptedThread client = system.thread("client");
            ScriptedThread sysmon = system.thread("sysmon");
            ScriptedThread server = system.thread("server");
            long[] at = new long[3];
            client.then(c -> at[0] = now(system)).message(LABEL | 1, SOURCE_MESSAGE)
                    .ipc(server.id(), ThreadId.NIL, SEND_1000_US, 0).then(c -> at[1] = now(system));
            sysmon.step(new Step.Compute(5 * INSTRUCTIONS_PER_100_US));
            forwardNamingBlockedSource(sysmon, client, server, NEVER).then(m -> at[2] = now(system));
            // The server waits for the monitor only: never ready for the client.
            server.ipc(ThreadId.NIL, sysmon.id(), NEVER, 0);
            system.run();
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.SEND), client.dope(), "M4: the source's send timeout");
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.SEND), sysmon.dope(), "the forward waited at the M4 check");
            long waitedMicros = (at[1] - at[0]) / 1000;
            assertTrue(waitedMicros >= 1000 && waitedMicros < 1100,
                    "M4: 1000 us from the client's send, not from the forward 500 us later: " + waitedMicros + " us");
            assertTrue((at[2] - at[0]) / 1000 < 1100, "the forward ends with the source's send timeout");
            assertEquals(ThreadState.RECEIVING, server.state(), "nothing was delivered");
        }
    }
}
