package org.l4emu.tools.check;

import static org.junit.jupiter.api.Assertions.assertAll;
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
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.syscall.SyscallNumber;
import org.l4emu.kernel.system.MonitorClass;

/**
 * An IPC's path is made when its send starts. A source waiting at the final receiver check (M4)
 * for a system monitor's turn keeps that path when the rule naming the monitor is removed and
 * the monitor then dies; once the final receiver is ready the IPC fails with error 2 at the dead monitor
 * (fail-closed). The guest-level fuzz run (seed 1701, arm, event 13475) found the kernel
 * reporting a redirection to the dead monitor first: the recorder had let the dead thread's
 * number go (no rule named it), defined it anew for that event, and the rule checker saw a
 * monitor other than the one of the path ("goes to fuzz0.t20, but its path puts fuzz0.t20 next").
 */
class PathMonitorDiedWhileWaitingTest {
    private static final int LABEL = 0x7 << 16;
    private static final int SLEEP_50_US = 50;
    private static final int SLEEP_100_US = 100;
    private static final int SLEEP_150_US = 150;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("R1: a waiting IPC whose system monitor died after its rule went fails with error 2 at it, and its trace checks clean")
    void waitingIpcFailsAtItsDeadMonitor(Architecture architecture) throws BootException {
        LiveRuleChecker rules = new LiveRuleChecker();
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("mon")
                .task("server").privilegedTask("ctl").redirect("client", "server", "mon", MonitorClass.SYSTEM)
                .events(rules.events()).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread mon = system.thread("mon");
            ScriptedThread server = system.thread("server");
            ScriptedThread ctl = system.thread("ctl");
            int[] removed = {-1};
            client.message(LABEL | 1, 42).send(server);
            ctl.ipc(ThreadId.NIL, ctl.id(), SLEEP_50_US, 0)
                    .syscall(SyscallNumber.REDIRECT, Abi.RedirectAction.REMOVE, client.id(), server.id(), mon.id())
                    .then(c -> removed[0] = c.result(0));
            mon.ipc(ThreadId.NIL, mon.id(), SLEEP_100_US, 0).exit();
            server.ipc(ThreadId.NIL, server.id(), SLEEP_150_US, 0).ipc(ThreadId.NIL, ThreadId.ANY, SLEEP_100_US, 0);
            system.run();
            rules.drain();
            assertAll(
                    () -> assertEquals(0, removed[0], "the rule of the dead monitor removed"),
                    () -> assertEquals(Dope.error(IpcError.NO_PARTNER, Phase.SEND), client.dope(), "the client's send"),
                    () -> assertEquals(0, rules.checker().violationCount(), "the rule checker: "
                            + rules.checker().countsText() + " " + rules.checker().violations()));
        }
    }
}
