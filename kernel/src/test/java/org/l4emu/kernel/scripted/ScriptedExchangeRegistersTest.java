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
import org.l4emu.kernel.syscall.SyscallNumber;

/** exchange_registers (ABI section 3) on the scripted machine, on both architectures' conventions. */
class ScriptedExchangeRegistersTest {
    private static final int SENTINEL = 0x5a5a_5a5a;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    @DisplayName("3.7/P2: a control word with a bit the ABI does not define is error 9 and changes nothing:"
            + " the thread's IPC goes on, results 1 and 2 are not written")
    void undefinedControlBitIsInvalid(Architecture architecture) throws BootException {
        int[] undefinedBits = {1 << 3, 1 << 31, Abi.ExchangeRegisters.HALT | 1 << 8};
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("owner").thread("owner", "waiter")
                .boot()) {
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
    @DisplayName("3.7: the defined control bits together still work: halt and resume cancel the IPC and let the"
            + " thread run on")
    void definedBitsTogetherStillWork(Architecture architecture) throws BootException {
        try (ScriptedSystem system = ScriptedSystem.builder(architecture).task("owner").thread("owner", "waiter")
                .boot()) {
            ScriptedThread owner = system.thread("owner");
            ScriptedThread waiter = system.thread("owner.waiter");
            int[] result = {SENTINEL};
            int[] waiterDope = {SENTINEL};
            waiter.ipc(ThreadId.NIL, ThreadId.ANY, Abi.Timeouts.NEVER, 0).then(w -> waiterDope[0] = w.dope());
            owner.ipc(ThreadId.NIL, owner.id(), 10, 0)
                    .syscall(SyscallNumber.EXCHANGE_REGISTERS, waiter.id(),
                            Abi.ExchangeRegisters.HALT | Abi.ExchangeRegisters.RESUME, 0, 0)
                    .then(o -> result[0] = o.result(0));
            system.run();
            assertEquals(0, result[0]);
            assertEquals(Dope.error(IpcError.CANCELLED, Phase.RECEIVE), waiterDope[0]);
        }
    }
}
