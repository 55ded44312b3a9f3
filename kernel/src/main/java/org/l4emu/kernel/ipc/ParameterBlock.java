package org.l4emu.kernel.ipc;

/** The 16-byte IPC parameter block: true source, blocked source, controlling monitor, delay timeout (µs). */
public record ParameterBlock(int trueSource, int blockedSource, int controllingMonitor, int delayTimeoutMicros) {
    public static final int SIZE = 16;
}
