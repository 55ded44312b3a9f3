package org.l4emu.kernel.ipc;

import org.l4emu.abi.Abi;

/** The 16-byte IPC parameter block: true source, blocked source, controlling monitor, delay timeout (µs). */
public record ParameterBlock(int trueSource, int blockedSource, int controllingMonitor, int delayTimeoutMicros) {
    public static final int SIZE = Abi.ParameterBlock.SIZE;
}
