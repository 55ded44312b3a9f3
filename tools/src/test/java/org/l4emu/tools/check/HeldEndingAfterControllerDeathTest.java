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
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.syscall.SyscallNumber;
import org.l4emu.kernel.system.MonitorClass;

/**
 * M6 settled (docs/semantics.md): a source held for its controlling monitor's decision gets, when
 * that monitor dies, the ending it was held after, as if no controlling monitor had been set:
 * here another path monitor's option 1 (error 8, with that monitor's code). The guest-level fuzz
 * run (seed 303, x86, event 552) found the checker taking that error 8 for one no monitor had
 * asked for ("fuzz1's send fails with error 8 although no monitor sent it option 1").
 */
class HeldEndingAfterControllerDeathTest {
    private static final int LABEL = 0x7 << 16;
    private static final int NEVER = Abi.Timeouts.NEVER;
    private static final int MONITOR_CODE = 77;
    /** ipc(nilthread, self) for 100 µs: a sleep. */
    private static final int RECEIVE_100_US = 100;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M6: the destination monitor's option 1 to a held source becomes the controller's "
            + "notification; the controller dies, and the source's send fails with error 8 and the code")
    void deadControllerLeavesTheHeldEnding(Architecture architecture) throws BootException {
        LiveRuleChecker rules = new LiveRuleChecker();
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("smon")
                .monitorTask("dmon").task("server")
                .redirect("client", "server", "smon", MonitorClass.SOURCE)
                .redirect("client", "server", "dmon", MonitorClass.DESTINATION)
                .events(rules.events()).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread smon = system.thread("smon");
            ScriptedThread dmon = system.thread("dmon");
            ScriptedThread server = system.thread("server");
            // smon controls: the delivery to dmon (the final receiver, M8) holds the client for it.
            smon.waitForAny().message(LABEL | 1, 5)
                    .forward(server.id(), client.id(), client.id(), smon.id(),
                            Abi.Option.DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR, NEVER)
                    .ipc(ThreadId.NIL, smon.id(), RECEIVE_100_US, 0)
                    .syscall(SyscallNumber.KDEBUG, Abi.KdebugOp.EXIT_THREAD, 0, 0);
            dmon.waitForAny().message(LABEL | 1, MONITOR_CODE)
                    .ipc(client.id(), ThreadId.NIL, NEVER, Abi.Option.ERROR << 1 | Abi.SendDescriptor.OPTION_BIT);
            server.waitForAny();
            client.message(LABEL | 1, 5).send(server);
            system.run();
            rules.drain();
            assertAll(
                    () -> assertEquals(Dope.error(IpcError.MONITOR_ERROR, Phase.SEND), client.dope()),
                    () -> assertEquals(MONITOR_CODE, client.utcbWord(Utcb.ERROR_CODE)),
                    () -> assertEquals(0, rules.checker().violationCount(), "the rule checker: "
                            + rules.checker().countsText() + " " + rules.checker().violations()));
        }
    }
}
