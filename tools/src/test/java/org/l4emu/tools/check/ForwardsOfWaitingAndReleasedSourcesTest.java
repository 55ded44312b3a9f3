package org.l4emu.tools.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Consumer;
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
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.system.MonitorClass;

/**
 * The checker follows a forward that continues an IPC whose source is not held by a monitor:
 * option 5 naming a source whose own send still waits at the M4 check (R3, M9: the forward
 * takes the IPC over, and the source's send timeout still counts from its own send), and a
 * forward of an unreliable send whose source was released at the first hop (M7), whose delay
 * timeout still holds (M5). The kernel's outcomes are those of the rules' own tests
 * (R3BlockedSourceAtM4Test, M5UnreliableDelayTest); here the checker must agree with them.
 */
class ForwardsOfWaitingAndReleasedSourcesTest {
    private static final int NEVER = Abi.Timeouts.NEVER;
    private static final int LABEL = 0x7 << 16;
    private static final int SEND_1000_US = 1000 << 16;
    private static final int RECEIVE_1000_US = 1000;
    private static final int INSTRUCTIONS_PER_US = 100;
    private static final int BLOCK_WORD = 112;

    private static void checkedRun(Architecture architecture, Consumer<ScriptedSystem> scenario)
            throws BootException {
        LiveRuleChecker rules = new LiveRuleChecker();
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("sysmon")
                .task("server").redirect("client", "server", "sysmon", MonitorClass.SYSTEM)
                .events(rules.events()).boot()) {
            scenario.accept(system);
        }
        rules.drain();
        assertEquals(0, rules.checker().violationCount(), rules.checker().countsText());
    }

    /** Writes the parameter block and returns the send descriptor for {@code option} (-1: none, but +12 read). */
    private static int block(ScriptedThread thread, int trueSource, int blocked,
                             int delayMicros, int option) {
        thread.utcb(BLOCK_WORD, trueSource).utcb(BLOCK_WORD + 1, blocked).utcb(BLOCK_WORD + 2, ThreadId.NIL)
                .utcb(BLOCK_WORD + 3, delayMicros);
        int address = thread.thread().utcbAddress() + 4 * BLOCK_WORD;
        return option < 0 ? address : address | option << 1 | Abi.SendDescriptor.OPTION_BIT;
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("R3, M9: option 5 takes over a source waiting at the M4 check; final delivery releases it")
    void takeOverDelivered(Architecture architecture) throws BootException {
        checkedRun(architecture, system -> {
            var client = system.thread("client");
            var sysmon = system.thread("sysmon");
            var server = system.thread("server");
            client.message(LABEL | 1, 42).ipc(server.id(), ThreadId.NIL, SEND_1000_US, 0);
            sysmon.step(new Step.Compute(100 * INSTRUCTIONS_PER_US));
            int descriptor = block(sysmon, client.id(), client.id(), 0, Abi.Option.DECEIT_BLOCKED_SOURCE);
            sysmon.message(LABEL | 1, 7).ipc(server.id(), ThreadId.NIL, NEVER, descriptor);
            server.step(new Step.Compute(300 * INSTRUCTIONS_PER_US)).waitForAny()
                    .ipc(ThreadId.NIL, ThreadId.ANY, RECEIVE_1000_US, 0);
            system.run();
            assertEquals(0, client.dope());
            assertEquals(0, sysmon.dope());
        });
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M4: a taken-over wait ends at the source's own deadline, error 1 for both")
    void takeOverTimedOut(Architecture architecture) throws BootException {
        checkedRun(architecture, system -> {
            var client = system.thread("client");
            var sysmon = system.thread("sysmon");
            var server = system.thread("server");
            client.message(LABEL | 1, 42).ipc(server.id(), ThreadId.NIL, SEND_1000_US, 0);
            sysmon.step(new Step.Compute(500 * INSTRUCTIONS_PER_US));
            int descriptor = block(sysmon, client.id(), client.id(), 0, Abi.Option.DECEIT_BLOCKED_SOURCE);
            sysmon.message(LABEL | 1, 7).ipc(server.id(), ThreadId.NIL, NEVER, descriptor);
            server.ipc(ThreadId.NIL, sysmon.id(), NEVER, 0);
            system.run();
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.SEND), client.dope());
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.SEND), sysmon.dope());
        });
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M5, M7: a released unreliable IPC held past its delay: error 5 for the forward, nothing for D")
    void unreliableDelayExpired(Architecture architecture) throws BootException {
        unreliableHeld(architecture, 100, Dope.error(IpcError.DELAY_TIMEOUT, Phase.SEND));
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M5, M7: a released unreliable IPC delivered within its delay")
    void unreliableDelayMet(Architecture architecture) throws BootException {
        unreliableHeld(architecture, 5000, 0);
    }

    private static void unreliableHeld(Architecture architecture, int delayMicros, int forwardDope)
            throws BootException {
        checkedRun(architecture, system -> {
            var client = system.thread("client");
            var sysmon = system.thread("sysmon");
            var server = system.thread("server");
            server.ipc(ThreadId.NIL, ThreadId.ANY, 5000, 0);
            sysmon.waitForAny().step(new Step.Compute(1000 * INSTRUCTIONS_PER_US));
            int forward = block(sysmon, client.id(), ThreadId.NIL, 0, Abi.Option.DECEIT);
            sysmon.ipc(server.id(), ThreadId.NIL, NEVER, forward);
            int unreliable = block(client, ThreadId.NIL, ThreadId.NIL, delayMicros, Abi.Option.UNRELIABLE);
            client.message(LABEL | 1, 42).ipc(server.id(), ThreadId.NIL, NEVER, unreliable);
            system.run();
            assertEquals(0, client.dope());
            assertEquals(forwardDope, sysmon.dope());
        });
    }
}
