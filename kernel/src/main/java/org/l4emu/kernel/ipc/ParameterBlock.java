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

    /** Reads the block at {@code address} of {@code space}; on a bad address the copy is not to be used. */
    void read(UserMemory memory, AddressSpace space, int address) throws BadUserAddressException {
        trueSource = memory.readWord(space, address + Abi.ParameterBlock.TRUE_SOURCE_OFFSET);
        blockedSource = memory.readWord(space, address + Abi.ParameterBlock.BLOCKED_SOURCE_OFFSET);
        controllingMonitor = memory.readWord(space, address + Abi.ParameterBlock.CONTROLLING_MONITOR_OFFSET);
        delayTimeoutMicros = memory.readWord(space, address + Abi.ParameterBlock.DELAY_TIMEOUT_OFFSET);
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
