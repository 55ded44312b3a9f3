package org.l4emu.tools.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.ipc.Dope;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.kernel.ipc.Phase;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.system.RedirectSpec;

/**
 * A scenario the 100-million-call fuzz run found (docs/semantics.md, R3: a monitor may forward
 * more than one message for one received IPC): two forwards of one IPC wait at the M4 check at
 * once, and the earlier one's wait runs out on the source's send timeout. The source fails with
 * error 1 by S3/M4; the checker must see that timeout although a later forward of the same IPC,
 * by an earlier monitor, took the waiting monitor off the IPC's path.
 */
class TwoForwardsOfOneIpcTest {
    private static final int LABEL = 0x7 << 16;
    /** 500 µs for the source's send, 0 (never) for the receive. */
    private static final int SEND_500_US = (500 | 0 << 10) << 16;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("S3/M4: the source fails when a waiting forward's time runs out, and the checker agrees")
    void sourceTimeoutOfAForwardTakenOffThePath(Architecture architecture) throws BootException {
        LiveRuleChecker rules = new LiveRuleChecker();
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("m1")
                .monitorTask("m2").task("server").task("server2")
                .redirect("client", RedirectSpec.ANY_TASK, "m1", MonitorClass.SOURCE)
                .redirect("client", "server", "m2", MonitorClass.SOURCE)
                .events(rules.events()).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread m1 = system.thread("m1");
            ScriptedThread m2 = system.thread("m2");
            ScriptedThread server = system.thread("server");
            ScriptedThread server2 = system.thread("server2");
            // Neither destination is ever ready for the client: each waits for the other.
            server.ipc(ThreadId.NIL, server2.id(), 0, 0);
            server2.ipc(ThreadId.NIL, server.id(), 0, 0);
            forwardTwice(m1, client, server, server2);
            forward(m2.waitForAny(), client, server);
            client.message(LABEL | 1, 5).ipc(server.id(), ThreadId.NIL, SEND_500_US, 0);
            system.run();
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.SEND), client.dope());
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.SEND), m2.dope(), "m2's forward waited at the M4 check");
        }
        rules.drain();
        assertEquals(0, rules.checker().violationCount(), rules.checker().countsText());
    }

    /** m1 forwards the client's IPC to server (on to m2), and a moment later again, to server2. */
    private static void forwardTwice(ScriptedThread m1, ScriptedThread client, ScriptedThread server,
                                     ScriptedThread server2) {
        forward(m1.waitForAny(), client, server);
        forward(m1.step(new Step.Compute(1000)), client, server2);
    }

    private static ScriptedThread forward(ScriptedThread monitor, ScriptedThread source, ScriptedThread to) {
        return monitor.message(LABEL | 1, 5).forward(to.id(), source.id(), Abi.Option.DECEIT, 0);
    }
}
