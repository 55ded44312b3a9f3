package org.l4emu.kernel.ipc;

import org.l4emu.abi.Abi;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.sched.VirtualClock;

/**
 * The 16-bit relative timeout encoding: 0 = never, otherwise m (bits 9..0) * 2^e (bits 14..10)
 * microseconds; bit 15 must be clear.
 */
public final class Timeout {
    public static final long NEVER = -1;

    private Timeout() {}

    public static int sendPart(int timeouts) {
        return Abi.Timeouts.SEND.get(timeouts);
    }

    public static int receivePart(int timeouts) {
        return Abi.Timeouts.RECEIVE.get(timeouts);
    }

    public static boolean isValid(int timeout) {
        return (timeout & Abi.Timeouts.RESERVED_BIT) == 0;
    }

    /** Microseconds, or {@link #NEVER}. */
    public static long microseconds(int timeout) {
        if (timeout == Abi.Timeouts.NEVER) {
            return NEVER;
        }
        long mantissa = Abi.Timeouts.MANTISSA.get(timeout);
        return mantissa << Abi.Timeouts.EXPONENT.get(timeout);
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
