package org.l4emu.kernel.scripted;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

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
import org.l4emu.kernel.syscall.SyscallNumber;

/** exchange_registers (ABI section 3) on the scripted machine, on both architectures' conventions. */
class ScriptedExchangeRegistersTest {
    private static final int SENTINEL = 0x5a5a_5a5a;

    /** 10 us later {@code owner} halts {@code target}, 500 us after that it resumes it. */
    private static void haltForAWhile(ScriptedThread owner, ScriptedThread target) {
        owner.ipc(ThreadId.NIL, owner.id(), 10, 0)
                .syscall(SyscallNumber.EXCHANGE_REGISTERS, target.id(), Abi.ExchangeRegisters.HALT, 0, 0)
                .ipc(ThreadId.NIL, owner.id(), 500, 0)
                .syscall(SyscallNumber.EXCHANGE_REGISTERS, target.id(), Abi.ExchangeRegisters.RESUME, 0, 0);
    }

    /** A task "owner" with a second thread "owner.SECONDTHREAD", then a task of each other name. */
    private static ScriptedSystem owner(Architecture architecture, String secondThread, String... otherTasks)
            throws BootException {
        ScriptedSystem.Builder builder = ScriptedSystem.builder(architecture).task("owner").thread("owner", secondThread);
        for (String task : otherTasks) {
            builder.task(task);
        }
        return builder.boot();
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("3.7/P2: a control word with a bit the ABI does not define is error 9 and changes nothing:"
            + " the thread's IPC goes on, results 1 and 2 are not written")
    void undefinedControlBitIsInvalid(Architecture architecture) throws BootException {
        int[] undefinedBits = {1 << 3, 1 << 31, Abi.ExchangeRegisters.HALT | 1 << 8};
        try (ScriptedSystem system = owner(architecture, "waiter")) {
            ScriptedThread owner = system.thread("owner");
            ScriptedThread waiter = system.thread("owner.waiter");
            int[][] results = new int[undefinedBits.length][];
            int[] waiterDope = {SENTINEL};
            waiter.ipc(ThreadId.NIL, ThreadId.ANY, Abi.Timeouts.NEVER, 0).then(w -> waiterDope[0] = w.dope());
            for (int i = 0; i < undefinedBits.length; i++) {
                int index = i;
                owner.syscall(SyscallNumber.EXCHANGE_REGISTERS, waiter.id(), undefinedBits[i], SENTINEL, SENTINEL)
                        .then(o -> results[index] = new int[] {o.result(0), o.result(1), o.result(2)});
            }
            owner.message(0x7 << 16).send(waiter);
            system.run();
            for (int i = 0; i < undefinedBits.length; i++) {
                String control = "control 0x" + Integer.toHexString(undefinedBits[i]);
                assertEquals(IpcError.INVALID_ARGUMENT.code(), results[i][0], control);
                // Results 1 and 2 are the registers of arguments 1 and 2 on arm, of 0 and 1 on x86 (ABI section 1).
                int[] kept = architecture == Architecture.ARM ? new int[] {undefinedBits[i], SENTINEL}
                        : new int[] {waiter.id(), undefinedBits[i]};
                assertEquals(kept[0], results[i][1], control + ": result 1 not written");
                assertEquals(kept[1], results[i][2], control + ": result 2 not written");
            }
            assertEquals(0, waiterDope[0], "the waiter was neither halted nor cancelled: it received the message");
            assertEquals(owner.id(), waiter.from());
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("3.7: halt on a thread in a receive cancels it (3, receive phase). Halt and resume in one call let"
            + " it run on at once; halt alone holds it past its receive timeout, until resume")
    void haltCancelsAReceive(Architecture architecture) throws BootException {
        try (ScriptedSystem system = owner(architecture, "waiter")) {
            ScriptedThread owner = system.thread("owner");
            ScriptedThread waiter = system.thread("owner.waiter");
            int[] dopes = {SENTINEL, SENTINEL};
            long[] secondEnd = new long[1];
            waiter.ipc(ThreadId.NIL, ThreadId.ANY, Abi.Timeouts.NEVER, 0).then(w -> dopes[0] = w.dope())
                    .ipc(ThreadId.NIL, owner.id(), 100, 0).then(w -> {
                        dopes[1] = w.dope();
                        secondEnd[0] = system.kernel().view().clock().now();
                    });
            owner.ipc(ThreadId.NIL, owner.id(), 10, 0).syscall(SyscallNumber.EXCHANGE_REGISTERS, waiter.id(),
                    Abi.ExchangeRegisters.HALT | Abi.ExchangeRegisters.RESUME, 0, 0);
            haltForAWhile(owner, waiter);
            system.run();
            int cancelled = Dope.error(IpcError.CANCELLED, Phase.RECEIVE);
            assertEquals(List.of(cancelled, cancelled), List.of(dopes[0], dopes[1]));
            assertEquals(true, secondEnd[0] > 500_000, "not before its resumption: " + secondEnd[0] + " ns");
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("3.7: halt on a waiting sender withdraws its message: the receiver never gets it, the sender's"
            + " send ends with 3 in the send phase")
    void haltWithdrawsAWaitingSend(Architecture architecture) throws BootException {
        try (ScriptedSystem system = owner(architecture, "sender", "receiver")) {
            ScriptedThread owner = system.thread("owner");
            ScriptedThread sender = system.thread("owner.sender");
            ScriptedThread receiver = system.thread("receiver");
            int[] dopes = {SENTINEL, SENTINEL};
            sender.message(0x7 << 16).send(receiver).then(s -> dopes[0] = s.dope());
            receiver.ipc(ThreadId.NIL, receiver.id(), 50, 0).ipc(ThreadId.NIL, ThreadId.ANY, 100, 0)
                    .then(r -> dopes[1] = r.dope());
            haltForAWhile(owner, sender);
            system.run();
            assertEquals(Dope.error(IpcError.TIMEOUT, Phase.RECEIVE), dopes[1], "the receiver got nothing");
            assertEquals(Dope.error(IpcError.CANCELLED, Phase.SEND), dopes[0]);
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("3.7: a dest that names no live thread (nilthread, anythread, a stale version, one that exited) is"
            + " error 2; another task's thread, for an unprivileged caller, is 6")
    void destinations(Architecture architecture) throws BootException {
        try (ScriptedSystem system = owner(architecture, "leaver", "stranger")) {
            ScriptedThread owner = system.thread("owner");
            ScriptedThread leaver = system.thread("owner.leaver");
            ScriptedThread stranger = system.thread("stranger");
            int staleVersion = ThreadId.of(ThreadId.number(stranger.id()), ThreadId.version(stranger.id()) + 1);
            int[] dests = {ThreadId.NIL, ThreadId.ANY, staleVersion, leaver.id(), stranger.id()};
            int[] results = new int[dests.length];
            leaver.exit();
            stranger.ipc(ThreadId.NIL, stranger.id(), 100, 0);
            owner.ipc(ThreadId.NIL, owner.id(), 10, 0);
            for (int i = 0; i < dests.length; i++) {
                int index = i;
                owner.syscall(SyscallNumber.EXCHANGE_REGISTERS, dests[i], 0, 0, 0)
                        .then(o -> results[index] = o.result(0));
            }
            system.run();
            int gone = IpcError.NO_PARTNER.code();
            assertEquals(List.of(gone, gone, gone, gone, IpcError.NOT_PERMITTED.code()),
                    Arrays.stream(results).boxed().toList());
        }
    }
}
