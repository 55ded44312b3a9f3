package org.l4emu.emulator.x86;

import java.util.BitSet;
import org.l4emu.emulator.PhysicalMemory;

/**
 * The physical frames that may hold translated code: those mapped executable in some address
 * space since they were last freed. Only their translations need dropping when they are freed.
 */
final class ExecutableFrames {
    private final BitSet frames = new BitSet();
    private int codeGeneration;

    /** The frame at {@code physical} is being mapped executable. */
    void mark(long physical) {
        int frame = frame(physical);
        if (!frames.get(frame)) {
            frames.set(frame);
            codeGeneration++;
        }
    }

    /** True when the frame at {@code physical} was mapped executable since it was last freed. */
    boolean mayHoldCode(long physical) {
        return frames.get(frame(physical));
    }

    /**
     * Counts the frames that became executable: a TLB kept aside ({@link org.l4emu.emulator.spacetlb.SpaceTlbs})
     * may let stores to a frame skip QEMU's code check, which is sound only while the frame holds
     * no code, so one kept before the count last moved is not used again.
     */
    int codeGeneration() {
        return codeGeneration;
    }

    /** True when a frame of {@code [physical, physical + length)} may hold code; forgets them all. */
    boolean takeAny(long physical, long length) {
        int first = frame(physical);
        int end = frame(physical + length + PhysicalMemory.PAGE_SIZE - 1);
        boolean any = frames.nextSetBit(first) >= 0 && frames.nextSetBit(first) < end;
        frames.clear(first, end);
        return any;
    }

    private static int frame(long physical) {
        return (int) (physical / PhysicalMemory.PAGE_SIZE);
    }
}
