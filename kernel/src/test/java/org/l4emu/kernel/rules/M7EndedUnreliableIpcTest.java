package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.invariants.InvariantChecker;
import org.l4emu.kernel.ipc.Dope;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.kernel.ipc.Phase;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.system.MonitorClass;

/**
 * docs/semantics.md M7 with M4 and R3, on the scripted machine: an unreliable send that ended
 * with an error before its first hop released it (here: the busy source monitor it waits for
 * took its wait over with option 5, and the M4 check timed it out) is over. A later forward
 * naming its source starts nothing of it again: it is the monitor's own send, under its own
 * timeouts (R3), not the ended IPC waiting at the M4 check under the source's send timeout
 * (kernel-level fuzzer, seed 2001 on arm, where the checker saw a forward wait 222 µs with a
 * send timeout of 191 µs).
 */
@DisplayName("M7 An unreliable send ended by an error is over")
class M7EndedUnreliableIpcTest {
    private static final int NEVER = Abi.Timeouts.NEVER;
    private static final int LABEL = 0x7 << 16;
    private static final int MESSAGE = 42;
    /** A send timeout of 200 µs and a receive timeout of never. */
    private static final int SEND_200_US = 200 << 16;
    private static final int UNRELIABLE = Abi.SendDescriptor.OPTION_BIT | Abi.Option.UNRELIABLE << 1;
    /** A receive timeout of 500 µs. */
    private static final int RECEIVE_500_US = 500;
    /** A receive timeout of 50 µs. */
    private static final int RECEIVE_50_US = 50;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M7, M4, R3: the source gets error 1 at the check; the monitor's next forward, with no send "
            + "timeout, waits for the server (ready at ~500 us) and delivers")
    void forwardAfterTheEndIsTheMonitorsOwnSend(Architecture architecture) throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("srcmon")
                .task("server")
                .redirect("client", "server", "srcmon", MonitorClass.SOURCE)
                .events(new InvariantChecker()).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread srcmon = system.thread("srcmon");
            ScriptedThread server = system.thread("server");
            int[] clientDope = {-1};
            int[] forwardDopes = {-1, -1};
            int[] received = {-1, -1};
            // The source monitor is busy (asleep) as the client sends: the unreliable send waits for it.
            srcmon.ipc(ThreadId.NIL, srcmon.id(), RECEIVE_50_US, 0);
            client.message(LABEL | 1, MESSAGE).ipc(server.id(), ThreadId.NIL, SEND_200_US, UNRELIABLE)
                    .then(c -> clientDope[0] = c.dope());
            srcmon.message(LABEL | 1, MESSAGE)
                    .forward(server.id(), client.id(), client.id(), Abi.Option.DECEIT_BLOCKED_SOURCE, NEVER)
                    .then(m -> forwardDopes[0] = m.dope()).forward(server.id(), client.id(), Abi.Option.DECEIT, NEVER)
                    .then(m -> forwardDopes[1] = m.dope());
            server.ipc(ThreadId.NIL, server.id(), RECEIVE_500_US, 0).waitForAny().then(s -> {
                received[0] = s.from();
                received[1] = s.mr(1);
            });
            system.run();
            int timeout = Dope.error(IpcError.TIMEOUT, Phase.SEND);
            assertEquals(timeout, clientDope[0], "M4: the source's send timeout runs out at the check");
            assertEquals(timeout, forwardDopes[0], "M4: so does the forward that carried the source's IPC");
            assertEquals(0, forwardDopes[1], "R3: the next forward is the monitor's own send, with no timeout");
            assertEquals(client.id(), received[0], "R4: the server gets it as from the client");
            assertEquals(MESSAGE, received[1]);
        }
    }
}
