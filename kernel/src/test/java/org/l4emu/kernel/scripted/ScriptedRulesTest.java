package org.l4emu.kernel.scripted;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.ExitCode;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.ipc.Dope;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.kernel.ipc.Phase;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.syscall.SyscallNumber;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.system.RedirectSpec;

/**
 * Rule tests on the scripted machine, beside the guest-level ones: the same kernel, no guest
 * binary, a few milliseconds each, on both architectures' conventions.
 */
class ScriptedRulesTest {
    private static final int ZERO = 0x0400;
    private static final int LABEL = 0x7 << 16;

    private static ScriptedSystem twoTasks(Architecture architecture) throws BootException {
        return ScriptedSystem.builder(architecture).task("client").task("server").boot();
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("R1: a redirection rule whose monitor died can be removed (by the monitor's ID), and the pair it"
            + " watched talks again")
    void ruleOfADeadMonitorIsRemovable(Architecture architecture) throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").monitorTask("mon")
                .task("server").privilegedTask("ctl").redirect("client", "server", "mon", MonitorClass.SYSTEM)
                .boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread server = system.thread("server");
            ScriptedThread mon = system.thread("mon");
            ScriptedThread ctl = system.thread("ctl");
            int[] results = new int[3];
            mon.exit();
            server.waitForAny();
            int remove = Abi.RedirectAction.REMOVE;
            ctl.ipc(ThreadId.NIL, ctl.id(), 100, 0)
                    .syscall(SyscallNumber.REDIRECT, remove, client.id(), server.id(), mon.id())
                    .then(c -> results[0] = c.result(0))
                    .syscall(SyscallNumber.REDIRECT, remove, client.id(), server.id(), mon.id())
                    .then(c -> results[1] = c.result(0));
            client.ipc(ThreadId.NIL, client.id(), 200, 0).message(LABEL | 1, 42).ipc(server.id(), ThreadId.NIL, 0, 0)
                    .then(c -> results[2] = c.dope());
            system.run();
            assertEquals(0, results[0], "removed");
            assertEquals(IpcError.NO_PARTNER.code(), results[1], "no such rule any more, and no such live thread");
            assertEquals(0, results[2], "delivered directly");
            assertEquals(client.id(), server.from());
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("S5/P2: an invalid receive window fails a receive with 9 before it waits, and a call before its send")
    void invalidReceiveWindowFailsBeforeAnyWaiting(Architecture architecture) throws BootException {
        int misaligned = 0x1000 | 13 << 4; // 8 KiB at 0x1000: not aligned to its size
        int tooSmall = 0x4000 | 11 << 4;
        try (ScriptedSystem system = twoTasks(architecture)) {
            ScriptedThread client = system.thread("client");
            ScriptedThread server = system.thread("server");
            int[] results = new int[3];
            boolean[] serverReceived = new boolean[1];
            server.utcb(Utcb.BR0, misaligned).ipc(ThreadId.NIL, ThreadId.ANY, Abi.Timeouts.NEVER, 0)
                    .then(s -> results[0] = s.dope())
                    .utcb(Utcb.BR0, 0).waitForAny().then(s -> serverReceived[0] = true);
            client.utcb(Utcb.BR0, tooSmall).message(LABEL | 1, 42).call(server).then(c -> results[1] = c.dope())
                    .utcb(Utcb.BR0, 0).ipc(ThreadId.NIL, ThreadId.ANY, ZERO, 0).then(c -> results[2] = c.dope());
            system.run();
            assertEquals(Dope.error(IpcError.INVALID_ARGUMENT, Phase.RECEIVE), results[0], "a receive that never times out");
            assertEquals(Dope.error(IpcError.INVALID_ARGUMENT, Phase.SEND), results[1], "a call, before its send");
            assertEquals(false, serverReceived[0], "the call sent nothing");
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.RECEIVE), results[2], "a nil window is valid");
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("S2/S5: a send that fails at transfer (error 9) ends the destination's closed wait on the sender"
            + " too; an open wait goes on")
    void closedWaiterLearnsOfTransferFailure(Architecture architecture) throws BootException {
        long closedEnd = waitOnSenderFailingAtTransfer(architecture, true,
                Dope.error(IpcError.INVALID_ARGUMENT, Phase.RECEIVE));
        assertEquals(true, closedEnd < 1_000_000, "at once, not at the end of its 2 ms receive timeout: " + closedEnd);
        long openEnd = waitOnSenderFailingAtTransfer(architecture, false, Dope.error(IpcError.TIMEOUT, Phase.RECEIVE));
        assertEquals(true, openEnd > 2_000_000, "at the end of its receive timeout: " + openEnd);
    }

    /**
     * The client's send waits; its sibling makes the tag invalid (one typed word), then the server
     * waits for the client alone ({@code closed}) or for anyone, 2 ms at most. Returns when the
     * server's wait ended, in virtual ns, having checked both results.
     */
    private static long waitOnSenderFailingAtTransfer(Architecture architecture, boolean closed, int serverDope)
            throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("client").thread("client", "sibling")
                .task("server").boot()) {
            ScriptedThread client = system.thread("client");
            ScriptedThread sibling = system.thread("client.sibling");
            ScriptedThread server = system.thread("server");
            long[] endedAt = new long[1];
            client.message(LABEL | 1, 42).send(server);
            sibling.step(new Step.Compute(2_000)).write(client.thread().utcbAddress(), LABEL | 1 << 6 | 1);
            server.step(new Step.Compute(10_000)).ipc(ThreadId.NIL, closed ? client.id() : ThreadId.ANY, 2000, 0)
                    .then(s -> endedAt[0] = system.kernel().view().clock().now());
            system.run();
            assertEquals(Dope.error(IpcError.INVALID_ARGUMENT, Phase.SEND), client.dope());
            assertEquals(serverDope, server.dope());
            return endedAt[0];
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("S4/S5: a call delivers MR0..MRu, and the reply sent with a zero timeout right after receipt arrives")
    void callAndReply(Architecture architecture) throws BootException {
        try (ScriptedSystem system = twoTasks(architecture)) {
            ScriptedThread client = system.thread("client");
            ScriptedThread server = system.thread("server");
            int[] received = new int[4];
            server.waitForAny().then(s -> {
                received[0] = s.from();
                received[1] = s.dope();
                received[2] = s.mr(0);
                received[3] = s.mr(2);
                s.message(LABEL | 1, s.mr(1) + 1).ipc(s.from(), ThreadId.NIL, ZERO << 16, 0);
            });
            client.message(LABEL | 2, 41, 99).call(server);
            assertEquals(ExitCode.DEADLOCK, system.run());
            assertEquals(client.id(), received[0]);
            assertEquals(0, received[1]);
            assertEquals(LABEL | 2, received[2]);
            assertEquals(99, received[3]);
            assertEquals(0, server.dope());
            assertEquals(0, client.dope());
            assertEquals(server.id(), client.from());
            assertEquals(42, client.mr(1));
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("S3: a zero-timeout send to a thread that is not receiving fails at once with error 1, phase send")
    void zeroTimeoutSend(Architecture architecture) throws BootException {
        try (ScriptedSystem system = twoTasks(architecture)) {
            ScriptedThread client = system.thread("client");
            ScriptedThread server = system.thread("server");
            client.message(LABEL).ipc(server.id(), ThreadId.NIL, ZERO << 16, 0);
            server.exit();
            system.run();
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.SEND), client.dope());
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("P2: u + t > 63 is an invalid argument in the send phase, before any waiting")
    void overlongMessage(Architecture architecture) throws BootException {
        try (ScriptedSystem system = twoTasks(architecture)) {
            ScriptedThread client = system.thread("client");
            ScriptedThread server = system.thread("server");
            client.message(62 << 6 | 63).send(server);
            server.waitForAny();
            system.run();
            assertEquals(Dope.error(IpcError.INVALID_ARGUMENT, Phase.SEND), client.dope());
            assertEquals(ThreadState.RECEIVING, server.state());
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("R3: a system monitor of its own task's IPC may not forward as itself: it is on no path of its own (R1)")
    void noDeceitAsItself(Architecture architecture) throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).monitorTask("mon").task("server")
                .redirect("mon", RedirectSpec.ANY_TASK, "mon", MonitorClass.SYSTEM).boot()) {
            ScriptedThread mon = system.thread("mon");
            ScriptedThread server = system.thread("server");
            mon.message(LABEL).forward(server.id(), mon.id(), Abi.Option.DECEIT, ZERO << 16);
            server.waitForAny();
            system.run();
            assertEquals(Dope.error(IpcError.NOT_PERMITTED, Phase.SEND), mon.dope());
            assertEquals(ThreadState.RECEIVING, server.state());
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("S6: sigma0 serves a task's <memory> on the first touch; a touch elsewhere stops the thread")
    void sigma0ServesDeclaredMemory(Architecture architecture) throws BootException {
        int region = 0x6000_0000;
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("worker").task("stray")
                .memory("worker", region, 0x10000).boot()) {
            ScriptedThread worker = system.thread("worker");
            ScriptedThread stray = system.thread("stray");
            Access[] served = new Access[1];
            // Looked at before it exits: its task is freed with its last thread (P3).
            worker.write(region + 0x2000, 5).then(w -> served[0] = w.rightsAt(region + 0x2000)).exit();
            stray.read(region);
            system.run();
            assertEquals(Access.ALL, served[0]);
            assertEquals(ThreadState.DEAD, worker.state());
            assertEquals(ThreadState.STOPPED, stray.state());
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("S6: a page fault is a message to the pager, whose map item resolves it; the faulting MRs stay")
    void pagerResolvesAFault(Architecture architecture) throws BootException {
        int region = 0x6000_0000;
        int hole = 0x3000_0000;
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("pager").task("client")
                .memory("pager", region, 0x10000).pager("client", "pager").boot()) {
            ScriptedThread pager = system.thread("pager");
            ScriptedThread client = system.thread("client");
            int mapItem = hole | 4 << 1;
            int fpage = region | 12 << 4 | Access.READ_WRITE.bits();
            int[] fault = new int[2];
            pager.write(region, 0x5EED).waitForAny().then(p -> {
                fault[0] = p.mr(0) >>> 16;
                fault[1] = p.mr(1);
                p.message(2 << 6, mapItem, fpage).ipc(p.from(), ThreadId.NIL, ZERO << 16, 0);
            });
            client.message(LABEL | 1, 77).read(hole).then(c -> c.step(org.l4emu.emulator.scripted.Step.read(hole)));
            system.run();
            assertEquals(0xFFE0 | Access.READ_BIT, fault[0]);
            assertEquals(hole, fault[1]);
            assertEquals(Access.READ_WRITE, client.rightsAt(hole));
            long physical = client.thread().task().space().translate(hole);
            assertEquals(0x5EED, system.machine().memory().readWord(physical));
            assertEquals(77, client.mr(1));
            assertEquals(client.thread().id(), client.utcbWord(Utcb.MY_GLOBAL_ID));
        }
    }
}
