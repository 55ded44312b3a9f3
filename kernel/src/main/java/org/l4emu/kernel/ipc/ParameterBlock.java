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
    private int trueSource;
    private int blockedSource;
    private int controllingMonitor;
    private int delayTimeoutMicros;
    private final int[] words = new int[Abi.ParameterBlock.SIZE / Integer.BYTES];

    /** Reads the block at {@code address} of {@code space}; on a bad address the copy is not to be used. */
    void read(UserMemory memory, AddressSpace space, int address) throws BadUserAddressException {
        memory.readWords(space, address, words);
        trueSource = words[Abi.ParameterBlock.TRUE_SOURCE_OFFSET / Integer.BYTES];
        blockedSource = words[Abi.ParameterBlock.BLOCKED_SOURCE_OFFSET / Integer.BYTES];
        controllingMonitor = words[Abi.ParameterBlock.CONTROLLING_MONITOR_OFFSET / Integer.BYTES];
        delayTimeoutMicros = words[Abi.ParameterBlock.DELAY_TIMEOUT_OFFSET / Integer.BYTES];
    }

    int trueSource() {
        return trueSource;
    }

    int blockedSource() {
        return blockedSource;
    }

    int controllingMonitor() {
        return controllingMonitor;
    }

    int delayTimeoutMicros() {
        return delayTimeoutMicros;
    }
}
