package org.l4emu.kernel.scripted;

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
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.system.RedirectSpec;

/**
 * Path and permission rules on the scripted machine, beside their guest-level tests
 * (R2MonitorViewTest, R4OptionsInvisibleTest, M1BlockedUntilDeliveryTest, P1AllowRulesTest).
 */
class ScriptedPathRulesTest {
    private static final int NEVER = Abi.Timeouts.NEVER;
    private static final int LABEL = 0x7 << 16;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("R2, M1, R4: the monitor gets the send with R and from = source while the source waits; "
            + "its deceit forward reaches the destination as the direct send would")
    void monitorSeesTheSendAndForwardsItTransparently(Architecture architecture) throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("mon")
                .task("server").redirect("client", "server", "mon", MonitorClass.SYSTEM).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread mon = system.thread("mon");
            ScriptedThread server = system.thread("server");
            int[] seen = new int[4];
            ThreadState[] sourceWhileHeld = new ThreadState[1];
            mon.waitForAny().then(m -> {
                seen[0] = m.dope();
                seen[1] = m.from();
                seen[2] = m.utcbWord(Abi.Utcb.INTENDED_RECEIVER);
                sourceWhileHeld[0] = client.state();
                m.message(m.mr(0), m.mr(1)).forward(seen[2], m.from(), Abi.Option.DECEIT, NEVER);
            });
            int[] delivered = new int[3];
            server.waitForAny().then(s -> {
                delivered[0] = s.dope();
                delivered[1] = s.from();
                delivered[2] = s.mr(1);
            });
            client.message(LABEL | 1, 41).send(server);
            system.run();
            assertEquals(Dope.REDIRECTED_BIT, seen[0], "R2: the monitor's dope has R and nothing else");
            assertEquals(client.id(), seen[1], "R2: from is the true source");
            assertEquals(server.id(), seen[2], "R2: IntendedReceiver is the destination");
            assertEquals(ThreadState.AWAITING_DELIVERY, sourceWhileHeld[0], "M1: the source waits for final delivery");
            assertEquals(0, delivered[0], "R4: no R, D or option at the destination");
            assertEquals(client.id(), delivered[1], "R4: from as the direct send");
            assertEquals(41, delivered[2]);
            assertEquals(0, client.dope(), "M1: the source's send ends with final delivery");
            assertEquals(0, mon.dope());
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("P1: a task with allow rules reaches their destinations; any other send fails at once with error 6")
    void allowRulesBindTheTasksSends(Architecture architecture) throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").task("server")
                .task("other").allow("client", "server").boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread server = system.thread("server");
            ScriptedThread other = system.thread("other");
            int[] denied = new int[1];
            client.message(LABEL).send(other).then(c -> denied[0] = c.dope()).message(LABEL | 1, 5).send(server);
            other.waitForAny();
            server.waitForAny();
            system.run();
            assertEquals(Dope.error(IpcError.NOT_PERMITTED, Phase.SEND), denied[0]);
            assertEquals(ThreadState.RECEIVING, other.state(), "the denied send reached nobody");
            assertEquals(0, client.dope());
            assertEquals(client.id(), server.from());
            assertEquals(5, server.mr(1));
        }
    }
    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M4: a forward whose transfer failed did not pass the final receiver; the source monitor's "
            + "next forward, to another destination, waits for that one to be ready")
    void failedFinalTransferIsNoM4Check(Architecture architecture) throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("smon")
                .monitorTask("sysmon").task("server1").task("server2")
                .redirect("client", RedirectSpec.ANY_TASK, "smon", MonitorClass.SOURCE)
                .redirect("client", "server2", "sysmon", MonitorClass.SYSTEM).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread smon = system.thread("smon");
            ScriptedThread sysmon = system.thread("sysmon");
            ScriptedThread server1 = system.thread("server1");
            ScriptedThread server2 = system.thread("server2");
            int mapItem = 0x1000 | 4 << 1;
            int fpage = 0x1000 | 12 << 4 | 4;
            int[] firstForward = new int[1];
            // server1 waits with a nil receive window (BR0 = 0): the forward's map item fails the transfer (S5).
            server1.waitForAny();
            // server2 waits for server1 only: never ready for the client.
            server2.ipc(ThreadId.NIL, server1.id(), NEVER, 0);
            int[] reachedSystemMonitor = new int[1];
            sysmon.waitForAny().then(m -> reachedSystemMonitor[0] = m.from());
            smon.waitForAny().message(LABEL | 2 << 6, mapItem, fpage)
                    .forward(server1.id(), client.id(), Abi.Option.DECEIT, NEVER)
                    .then(m -> firstForward[0] = m.dope())
                    .message(LABEL | 1, 5).forward(server2.id(), client.id(), Abi.Option.DECEIT, NEVER);
            client.message(LABEL | 1, 5).send(server1);
            system.run();
            assertEquals(Dope.error(IpcError.MESSAGE_OVERFLOW, Phase.SEND), firstForward[0]);
            assertEquals(Dope.error(IpcError.MESSAGE_OVERFLOW, Phase.RECEIVE), server1.dope());
            assertEquals(0, reachedSystemMonitor[0], "M4: the system monitor gets nothing before server2 is ready");
            assertEquals(ThreadState.SENDING, smon.state(), "the forward waits at the M4 check");
            assertEquals(ThreadState.AWAITING_DELIVERY, client.state());
        }
    }
}
