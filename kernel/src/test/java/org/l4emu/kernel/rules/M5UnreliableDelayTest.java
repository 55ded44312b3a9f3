package org.l4emu.kernel.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.scripted.ScriptedThread;
import org.l4emu.kernel.system.MonitorClass;

/**
 * docs/semantics.md M5 with M7, on the scripted machine: the source of an unreliable send is
 * released at the first hop, but its IPC goes on through the monitors, and its delay timeout
 * still bounds the time from the M4 check to final delivery. A monitor that holds it too long
 * gets error 5 for its forward and the destination receives nothing, as without option 0.
 */
@DisplayName("M5 The delay timeout of an unreliable send")
class M5UnreliableDelayTest {
    private static final int NEVER = Abi.Timeouts.NEVER;
    private static final int LABEL = 0x7 << 16;
    /** The scripted machine runs 100 instructions per µs. */
    private static final int INSTRUCTIONS_PER_US = 100;
    private static final int HELD_MICROS = 1000;
    /** A receive timeout long enough for the held message, no send phase. */
    private static final int RECEIVE_5000_US = 5000;
    /** The parameter block, in UTCB words 112..115 (clear of the words the kernel uses). */
    private static final int BLOCK_WORD = 112;

    private static ScriptedSystem boot(Architecture architecture) throws BootException {
        return ScriptedSystem.builder(architecture).task("client").monitorTask("sysmon").task("server")
                .redirect("client", "server", "sysmon", MonitorClass.SYSTEM).events(new InvariantChecker()).boot();
    }

    /** The client's unreliable send (option 0) to {@code server} with {@code delayMicros} at +12. */
    private static void unreliableSend(ScriptedThread client, ScriptedThread server, int delayMicros) {
        int block = client.thread().utcbAddress() + 4 * BLOCK_WORD;
        client.utcb(BLOCK_WORD, ThreadId.NIL).utcb(BLOCK_WORD + 1, ThreadId.NIL).utcb(BLOCK_WORD + 2, ThreadId.NIL)
                .utcb(BLOCK_WORD + 3, delayMicros).message(LABEL | 1, 42)
                .ipc(server.id(), ThreadId.NIL, NEVER, block | Abi.SendDescriptor.OPTION_BIT);
    }

    /** The monitor receives, holds the message, then forwards it with option 4 and {@code delayMicros} at +12. */
    private static void holdAndForward(ScriptedThread monitor, ScriptedThread source, ScriptedThread to,
                                       int delayMicros) {
        int block = monitor.thread().utcbAddress() + 4 * BLOCK_WORD;
        monitor.waitForAny().step(new Step.Compute(HELD_MICROS * INSTRUCTIONS_PER_US))
                .utcb(BLOCK_WORD, source.id()).utcb(BLOCK_WORD + 1, ThreadId.NIL).utcb(BLOCK_WORD + 2, ThreadId.NIL)
                .utcb(BLOCK_WORD + 3, delayMicros)
                .ipc(to.id(), ThreadId.NIL, NEVER, block | Abi.Option.DECEIT << 1 | Abi.SendDescriptor.OPTION_BIT);
    }

    /** The server's one wait; returns {from, MR1, dope} as it ends. */
    private static int[] waitOnce(ScriptedThread server) {
        int[] received = new int[3];
        server.ipc(ThreadId.NIL, ThreadId.ANY, RECEIVE_5000_US, 0).then(s -> {
            received[0] = s.from();
            received[1] = s.mr(1);
            received[2] = s.dope();
        });
        return received;
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M5, M7: the source's delay timeout runs out while the monitor holds the released IPC: "
            + "error 5 for the forward, nothing for D, nothing more for the source")
    void sourceDelayExpiresAfterRelease(Architecture architecture) throws BootException {
        try (ScriptedSystem system = boot(architecture)) {
            ScriptedThread client = system.thread("client");
            ScriptedThread sysmon = system.thread("sysmon");
            ScriptedThread server = system.thread("server");
            int[] received = waitOnce(server);
            holdAndForward(sysmon, client, server, 0);
            unreliableSend(client, server, 100);
            system.run();
            assertEquals(0, client.dope(), "M7: released when the monitor received it");
            assertEquals(Dope.error(IpcError.DELAY_TIMEOUT, Phase.SEND), sysmon.dope(), "M5: the forward is too late");
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.RECEIVE), received[2], "M5: D receives nothing");
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M5, M7: a forwarding monitor's smaller delay timeout counts for the released IPC too, from the "
            + "M4 check")
    void monitorDelayCountsAfterRelease(Architecture architecture) throws BootException {
        try (ScriptedSystem system = boot(architecture)) {
            ScriptedThread client = system.thread("client");
            ScriptedThread sysmon = system.thread("sysmon");
            ScriptedThread server = system.thread("server");
            int[] received = waitOnce(server);
            holdAndForward(sysmon, client, server, 500);
            unreliableSend(client, server, 0);
            system.run();
            assertEquals(0, client.dope());
            assertEquals(Dope.error(IpcError.DELAY_TIMEOUT, Phase.SEND), sysmon.dope());
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.RECEIVE), received[2]);
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M5, M7: within the delay timeout the released IPC is delivered as the direct send would be (R4)")
    void deliveredWithinTheDelay(Architecture architecture) throws BootException {
        try (ScriptedSystem system = boot(architecture)) {
            ScriptedThread client = system.thread("client");
            ScriptedThread sysmon = system.thread("sysmon");
            ScriptedThread server = system.thread("server");
            int[] received = waitOnce(server);
            holdAndForward(sysmon, client, server, 0);
            unreliableSend(client, server, 2 * HELD_MICROS);
            system.run();
            assertEquals(0, client.dope());
            assertEquals(0, sysmon.dope());
            assertEquals(client.id(), received[0]);
            assertEquals(42, received[1]);
            assertEquals(0, received[2], "R4: no option 0, no R or D at the destination");
        }
    }
}
