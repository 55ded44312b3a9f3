package org.l4emu.kernel.sched;

import org.l4emu.abi.Abi;

/**
 * Deterministic virtual time in nanoseconds. It advances by {@link #NANOS_PER_INSTRUCTION} per
 * retired guest instruction (a 100 MIPS machine), by {@link #NANOS_PER_SYSCALL} per kernel
 * entry, and jumps ahead when every thread is blocked.
 */
public final class VirtualClock implements VirtualTime {
    public static final long NANOS_PER_INSTRUCTION = Abi.Time.NANOS_PER_INSTRUCTION;
    public static final long NANOS_PER_SYSCALL = Abi.Time.NANOS_PER_SYSCALL;
    public static final long NANOS_PER_MICROSECOND = Abi.Time.NANOS_PER_MICROSECOND;
    public static final int INSTRUCTIONS_PER_MICROSECOND = Abi.Time.INSTRUCTIONS_PER_MICROSECOND;

    private long now;

    @Override
    public long now() {
        return now;
    }

    @Override
    public long nowMicroseconds() {
        return now / NANOS_PER_MICROSECOND;
    }

    public void advanceInstructions(long instructions) {
        now += instructions * NANOS_PER_INSTRUCTION;
    }

    /** Jumps to {@code time}; time never runs backwards. */
    public void jumpTo(long time) {
        if (time > now) {
            now = time;
        }
    }

    /** Instructions that can run before {@code time} is reached (at least 1). */
    public long instructionsUntil(long time) {
        long delta = time - now;
        if (delta <= 0) {
            return 1;
        }
        return (delta + NANOS_PER_INSTRUCTION - 1) / NANOS_PER_INSTRUCTION;
    }

    public static long microsecondsToNanos(long microseconds) {
        return microseconds * NANOS_PER_MICROSECOND;
    }
}
