package org.l4emu.kernel.ipc;

import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.sched.VirtualClock;

/**
 * The 16-bit relative timeout encoding: 0 = never, otherwise m (bits 9..0) * 2^e (bits 14..10)
 * microseconds; bit 15 must be clear.
 */
public final class Timeout {
    public static final long NEVER = -1;
    private static final int RESERVED_BIT = 1 << 15;

    private Timeout() {}

    public static int sendPart(int timeouts) {
        return timeouts >>> 16;
    }

    public static int receivePart(int timeouts) {
        return timeouts & 0xFFFF;
    }

    public static boolean isValid(int timeout) {
        return (timeout & RESERVED_BIT) == 0;
    }

    /** Microseconds, or {@link #NEVER}. */
    public static long microseconds(int timeout) {
        if (timeout == 0) {
            return NEVER;
        }
        long mantissa = timeout & 0x3FF;
        int exponent = (timeout >>> 10) & 0x1F;
        return mantissa << exponent;
    }

    /** The virtual time (ns) at which {@code timeout}, started at {@code now}, expires; never: no deadline. */
    public static long deadline(int timeout, long now) {
        long micros = microseconds(timeout);
        return micros == NEVER ? Thread.NO_DEADLINE : now + VirtualClock.microsecondsToNanos(micros);
    }

    public static boolean isZero(int timeout) {
        return microseconds(timeout) == 0;
    }
}
