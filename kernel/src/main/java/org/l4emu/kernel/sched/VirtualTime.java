package org.l4emu.kernel.sched;

/** Virtual time as observers read it. */
public interface VirtualTime {
    /** Nanoseconds since boot. */
    long now();

    long nowMicroseconds();
}
