package org.l4emu.kernel.ipc;

import org.l4emu.abi.Abi;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.kernel.memory.BadUserAddressException;
import org.l4emu.kernel.memory.UserMemory;

/**
 * The 16-byte IPC parameter block: true source, blocked source, controlling monitor, delay
 * timeout (µs). The kernel reads it into its one copy at each ipc call that names one, and
 * uses it within that call only.
 */
final class ParameterBlock {
    private final int[] words = new int[Abi.ParameterBlock.SIZE / Integer.BYTES];

    /** Reads the block at {@code address} of {@code space}; on a bad address the copy is not to be used. */
    void read(UserMemory memory, AddressSpace space, int address) throws BadUserAddressException {
        memory.readWords(space, address, words);
    }

    int trueSource() {
        return word(Abi.ParameterBlock.TRUE_SOURCE_OFFSET);
    }

    int blockedSource() {
        return word(Abi.ParameterBlock.BLOCKED_SOURCE_OFFSET);
    }

    int controllingMonitor() {
        return word(Abi.ParameterBlock.CONTROLLING_MONITOR_OFFSET);
    }

    int delayTimeoutMicros() {
        return word(Abi.ParameterBlock.DELAY_TIMEOUT_OFFSET);
    }

    private int word(int offset) {
        return words[offset / Integer.BYTES];
    }
}
