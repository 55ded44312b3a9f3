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
 * M6, option 2 (docs/spec-decisions.md): the controlling monitor passes its notification on to a
 * monitor that controlled the IPC before, which then decides again. The kernel-level fuzz run
 * (seed 103, arm, event 118,631,467 of 27,000,000 calls) found the two sides disagreeing: a
 * system monitor that took control after the source monitor passed the notification back, its
 * option 2 timed out unreceived, and the source's cancellation was then reported to the source
 * monitor, which the checker did not take for the controlling monitor ("mon is notified about
 * fuzz0.t18, but it is not the controlling monitor of an IPC that source waits on").
 *
 * <p>An option 2 is an ordinary send under its sender's timeouts (R3, M3): control passes back
 * when the earlier monitor receives it, and a pass that fails leaves it with the sender. Both
 * the kernel and the checker must see it so.
 */
class ControlPassedBackTest {
    private static final int LABEL = 0x7 << 16;
    private static final int NEVER = Abi.Timeouts.NEVER;
    /** 10 µs to send (m = 10, e = 0), no receive phase. */
    private static final int SEND_10_US = 10 << 16;
    /** ipc(nilthread, self) for 1000 µs: a sleep. */
    private static final int RECEIVE_1000_US = 1000;
    /** UTCB words 112-115: the parameter block of a forward. */
    private static final int BLOCK_WORD = 112;
    /** Below everyone else's priority: the canceller runs only when the others wait. */
    private static final int LOW = 50;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M6: an option 2 that times out passes no control; the source's cancellation is reported to "
            + "the monitor that still controls, and the checker agrees")
    void failedPassLeavesControlWithTheSender(Architecture architecture) throws BootException {
        LiveRuleChecker rules = new LiveRuleChecker();
        int[] passed = new int[1];
        try (ScriptedSystem system = twoControllers(architecture, rules)) {
            ScriptedThread client = system.thread("client");
            ScriptedThread sys1 = system.thread("sys1");
            ScriptedThread sys2 = system.thread("sys2");
            // sys1 controls first, then never waits again: sys2's pass cannot reach it.
            controlledForward(sys1.waitForAny(), system.thread("server"), client);
            controlledForward(sys2.waitForAny(), system.thread("server"), client).waitForAny()
                    .message(LABEL | 1, client.id())
                    .ipc(sys1.id(), ThreadId.NIL, SEND_10_US, option(Abi.Option.NOTIFICATION))
                    .then(m -> passed[0] = m.dope())
                    .waitForAny();
            cancelLater(system.thread("canceller"), client);
            client.message(LABEL | 1, 5).send(system.thread("server"));
            system.run();
            rules.drain();
            assertAll(
                    () -> assertEquals(Dope.error(IpcError.TIMEOUT, Phase.SEND), passed[0],
                            "sys1 never received the pass"),
                    () -> assertEquals(Dope.error(IpcError.CANCELLED, Phase.SEND), client.dope()),
                    () -> assertEquals(ControllerNotification.of(client, IpcError.CANCELLED),
                            ControllerNotification.seenBy(sys2), "sys2 still controls: it is told of the cancellation"),
                    () -> assertClean(rules));
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M6: after an option 2 received by the earlier controlling monitor, the source's cancellation "
            + "is reported to that monitor, and the checker agrees")
    void receivedPassHandsControlBack(Architecture architecture) throws BootException {
        LiveRuleChecker rules = new LiveRuleChecker();
        int[] passed = new int[1];
        try (ScriptedSystem system = twoControllers(architecture, rules)) {
            ScriptedThread client = system.thread("client");
            ScriptedThread sys1 = system.thread("sys1");
            ScriptedThread sys2 = system.thread("sys2");
            controlledForward(sys1.waitForAny(), system.thread("server"), client).waitForAny().waitForAny();
            controlledForward(sys2.waitForAny(), system.thread("server"), client).waitForAny()
                    .message(LABEL | 1, client.id())
                    .ipc(sys1.id(), ThreadId.NIL, SEND_10_US, option(Abi.Option.NOTIFICATION))
                    .then(m -> passed[0] = m.dope());
            cancelLater(system.thread("canceller"), client);
            client.message(LABEL | 1, 5).send(system.thread("server"));
            system.run();
            rules.drain();
            assertAll(
                    () -> assertEquals(0, passed[0], "sys1 received the pass"),
                    () -> assertEquals(Dope.error(IpcError.CANCELLED, Phase.SEND), client.dope()),
                    () -> assertEquals(ControllerNotification.of(client, IpcError.CANCELLED),
                            ControllerNotification.seenBy(sys1), "sys1 controls again: it is told of the cancellation"),
                    () -> assertClean(rules));
        }
    }

    private static void assertClean(LiveRuleChecker rules) {
        assertEquals(0, rules.checker().violationCount(), "the rule checker: " + rules.checker().countsText() + " "
                + rules.checker().violations());
    }

    /** client -> server through two system monitors, sys1 then sys2; a privileged canceller. */
    private static ScriptedSystem twoControllers(Architecture architecture, LiveRuleChecker rules)
            throws BootException {
        ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("sys1")
                .monitorTask("sys2").task("server").privilegedTask("canceller").priority("canceller", LOW)
                .redirect("client", "server", "sys1", MonitorClass.SYSTEM)
                .redirect("client", "server", "sys2", MonitorClass.SYSTEM)
                .events(rules.events()).boot();
        // The server takes the IPC at once: final delivery, sys2 (controlling) is notified, the client held.
        system.thread("server").waitForAny();
        return system;
    }

    /** After everyone has settled, the canceller halts the held client (its IPC is cancelled, M6). */
    private static void cancelLater(ScriptedThread canceller, ScriptedThread client) {
        canceller.ipc(ThreadId.NIL, canceller.id(), RECEIVE_1000_US, 0)
                .syscall(SyscallNumber.EXCHANGE_REGISTERS, client.id(),
                        Abi.ExchangeRegisters.HALT | Abi.ExchangeRegisters.RESUME, 0, 0);
    }

    private static int option(int option) {
        return option << 1 | Abi.SendDescriptor.OPTION_BIT;
    }

    /** Forwards the message it holds as {@code source}'s with option 6, naming itself at +8. */
    private static ScriptedThread controlledForward(ScriptedThread monitor, ScriptedThread to, ScriptedThread source) {
        int block = monitor.thread().utcbAddress() + 4 * BLOCK_WORD;
        return monitor.message(LABEL | 1, 5)
                .utcb(BLOCK_WORD + Abi.ParameterBlock.TRUE_SOURCE_OFFSET / 4, source.id())
                .utcb(BLOCK_WORD + Abi.ParameterBlock.BLOCKED_SOURCE_OFFSET / 4, ThreadId.NIL)
                .utcb(BLOCK_WORD + Abi.ParameterBlock.CONTROLLING_MONITOR_OFFSET / 4, monitor.id())
                .utcb(BLOCK_WORD + Abi.ParameterBlock.DELAY_TIMEOUT_OFFSET / 4, 0)
                .ipc(to.id(), ThreadId.NIL, NEVER, block | option(Abi.Option.DECEIT_CONTROLLING_MONITOR));
    }

    /** What a monitor's last receipt says as a controller notification: from, dope, MR1 and MR4. */
    private record ControllerNotification(int from, int dope, int blockedSource, int errorCode) {
        static ControllerNotification of(ScriptedThread blocked, IpcError error) {
            return new ControllerNotification(ThreadId.NIL, Abi.Dope.NOTIFICATION, blocked.id(), error.code());
        }

        static ControllerNotification seenBy(ScriptedThread monitor) {
            return new ControllerNotification(monitor.from(), monitor.dope(), monitor.mr(1), monitor.mr(4));
        }
    }
}
