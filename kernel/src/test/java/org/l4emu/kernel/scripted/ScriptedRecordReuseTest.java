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
import org.l4emu.kernel.syscall.SyscallNumber;
import org.l4emu.kernel.system.MonitorClass;

/**
 * The kernel refills one record per thread for its sends and for the monitored IPCs it starts
 * (the monitored path allocates nothing). A record still reachable from a waiting send must not
 * be refilled: two IPCs sharing one would let the older one's delivery end the newer one.
 */
class ScriptedRecordReuseTest {
    private static final int NEVER = 0;
    private static final int FIRST = 0x1 << 16;
    private static final int SECOND = 0x2 << 16;
    private static final int LABEL_MASK = 0xFFFF << 16;
    /** Below everyone else's priority: the canceller runs only when the others wait. */
    private static final int LOW = 50;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("M1: a forward still waiting with a cancelled call's IPC does not release the caller's next call")
    void queuedForwardKeepsItsIpc(Architecture architecture) throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("mon")
                .task("server").privilegedTask("canceller").priority("canceller", LOW)
                .redirect("client", "server", "mon", MonitorClass.SYSTEM).boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread mon = system.thread("mon");
            ScriptedThread server = system.thread("server");
            ScriptedThread canceller = system.thread("canceller");
            // The first call reaches the monitor, which keeps the server busy with a message of
            // its own, so that its forward of the call then waits in the server's queue.
            client.message(FIRST).call(server).message(SECOND).call(server);
            server.waitForAny().ipc(ThreadId.NIL, canceller.id(), NEVER, 0).waitForAny();
            mon.waitForAny().send(server).forward(server.id(), client.id(), Abi.Option.DECEIT, NEVER).waitForAny();
            // Halting cancels the first call while the monitor's forward of it waits; the
            // client's second call, a new monitored IPC, waits for the server to be ready (M4).
            canceller.syscall(SyscallNumber.EXCHANGE_REGISTERS, client.id(),
                            Abi.ExchangeRegisters.HALT | Abi.ExchangeRegisters.RESUME, 0, 0)
                    .send(server);
            system.run();

            assertEquals(Dope.error(IpcError.CANCELLED, Phase.SEND), client.dope(), "the first call's ending");
            assertEquals(client.id(), server.from(), "the server got the first call, forwarded as the client's");
            assertEquals(FIRST, server.mr(0) & LABEL_MASK);
            // Its final delivery ends nothing: the second call still waits (M1).
            assertEquals(ThreadState.SENDING, client.state());
        }
    }
}
