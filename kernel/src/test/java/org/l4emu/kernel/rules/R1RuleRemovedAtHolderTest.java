package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.invariants.InvariantChecker;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.syscall.SyscallNumber;
import org.l4emu.kernel.system.MonitorClass;

/**
 * docs/semantics.md R1 (each forward's rest of the path comes from the rules in force) on the
 * scripted machine: client -> server passes ctl, then mon2, both system monitors; ctl is also a
 * system monitor of client -> other. The admin removes ctl's rule for server while ctl holds the
 * client's message; ctl then forwards to the same destination. The IPC goes on to mon2, whose rule
 * stands. (Found broken: ctl, off the recomputed path, was taken for a forwarder changing
 * destination (R5), which passes on only to monitors of a later class: mon2 was skipped.)
 */
@DisplayName("R1 A rule removed while its monitor holds the IPC")
class R1RuleRemovedAtHolderTest {
    private static final int NEVER = Abi.Timeouts.NEVER;
    private static final int LABEL = 0x7 << 16;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("R1: ctl's forward after its rule went reaches mon2, the monitor after it whose rule stands")
    void removedRuleSkipsNoMonitor(Architecture architecture) throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("ctl")
                .monitorTask("mon2").task("server").task("other").privilegedTask("admin")
                .redirect("client", "server", "ctl", MonitorClass.SYSTEM)
                .redirect("client", "server", "mon2", MonitorClass.SYSTEM)
                .redirect("client", "other", "ctl", MonitorClass.SYSTEM)
                .events(new InvariantChecker()).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread ctl = system.thread("ctl");
            ScriptedThread mon2 = system.thread("mon2");
            ScriptedThread server = system.thread("server");
            ScriptedThread admin = system.thread("admin");
            int[] removed = new int[1];
            int[] atMon2 = { ThreadId.NIL, 0 };
            admin.ipc(ThreadId.NIL, admin.id(), 100, 0)
                    .syscall(SyscallNumber.REDIRECT, Abi.RedirectAction.REMOVE, client.id(), server.id(), ctl.id())
                    .then(a -> removed[0] = a.result(0));
            client.message(LABEL | 1, 42).ipc(server.id(), ThreadId.NIL, NEVER, 0);
            ctl.waitForAny().ipc(ThreadId.NIL, ctl.id(), 200, 0).message(LABEL | 1, 42)
                    .forward(server.id(), client.id(), Abi.Option.DECEIT, NEVER);
            mon2.waitForAny().then(m -> {
                atMon2[0] = m.from();
                atMon2[1] = m.dope();
            }).forward(server.id(), client.id(), Abi.Option.DECEIT, NEVER);
            server.waitForAny();
            system.thread("other").waitForAny();
            system.run();
            assertEquals(0, removed[0], "the rule was removed while ctl held the message");
            assertEquals(client.id(), atMon2[0], "R1: mon2, after ctl and still on the path, receives it");
            assertEquals(1, Abi.Dope.REDIRECTED.get(atMon2[1]), "R2: with R");
            assertEquals(0, ctl.dope());
            assertEquals(client.id(), server.from());
            assertEquals(42, server.mr(1));
            assertEquals(0, client.dope(), "M1: released at final delivery");
        }
    }
}
