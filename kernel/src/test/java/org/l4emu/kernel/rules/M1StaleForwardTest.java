package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.invariants.InvariantChecker;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.system.MonitorClass;

/**
 * docs/semantics.md M1 on the scripted machine: client -> server passes smon (source class) and
 * dmon (destination class, the final receiver, M8). The client's second send, which smon passes
 * on at once, waits at the M4 check for dmon while dmon forwards the client's first message to
 * the server with option 4. That forward carries the earlier IPC, not the one waiting: the
 * client stays blocked until dmon receives its second message, and dmon sees it as blocked
 * source (R2). (Found broken: the forward counted as the second IPC's final delivery.)
 */
@DisplayName("M1 A destination monitor's late forward of an earlier message")
class M1StaleForwardTest {
    private static final int NEVER = Abi.Timeouts.NEVER;
    private static final int LABEL = 0x7 << 16;
    /** A receive timeout of 200 µs (mantissa 200, exponent 0), no send phase. */
    private static final int SLEEP_200_US = 200;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M1: the client's second send stays blocked through dmon's forward of the first, and is released "
            + "when dmon receives it")
    void staleForwardReleasesNobody(Architecture architecture) throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("smon")
                .monitorTask("dmon").task("server")
                .redirect("client", "server", "smon", MonitorClass.SOURCE)
                .redirect("client", "server", "dmon", MonitorClass.DESTINATION)
                .events(new InvariantChecker()).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread smon = system.thread("smon");
            ScriptedThread dmon = system.thread("dmon");
            ScriptedThread server = system.thread("server");
            ThreadState[] clientAfterStaleForward = new ThreadState[1];
            int[] secondAtDmon = new int[2];
            client.message(LABEL | 1, 1).ipc(server.id(), ThreadId.NIL, NEVER, 0)
                    .message(LABEL | 1, 2).ipc(server.id(), ThreadId.NIL, NEVER, 0);
            for (int message = 1; message <= 2; message++) {
                smon.waitForAny().message(LABEL | 1, message).forward(server.id(), client.id(), Abi.Option.DECEIT,
                        NEVER);
            }
            // dmon sleeps 200 us (a closed wait on itself), so smon and the client run meanwhile.
            dmon.waitForAny().ipc(ThreadId.NIL, dmon.id(), SLEEP_200_US, 0).message(LABEL | 1, 1)
                    .forward(server.id(), client.id(), Abi.Option.DECEIT, NEVER)
                    .then(after -> clientAfterStaleForward[0] = client.state())
                    .waitForAny().then(second -> {
                        secondAtDmon[0] = second.mr(1);
                        secondAtDmon[1] = second.utcbWord(Utcb.BLOCKED_SOURCE);
                    });
            server.waitForAny().waitForAny();
            system.run();
            assertEquals(ThreadState.AWAITING_DELIVERY, clientAfterStaleForward[0],
                    "M1: the forward of the first message does not release the client's second send");
            assertEquals(2, secondAtDmon[0]);
            assertEquals(client.id(), secondAtDmon[1], "R2: dmon sees the client as the blocked source");
            assertEquals(0, client.dope());
            assertEquals(1, server.mr(1), "the server gets the first message from dmon's forward");
        }
    }
}
