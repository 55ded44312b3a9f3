package org.l4emu.emulator.arm;

import java.util.BitSet;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.spacetlb.SpaceTlbs;

/**
 * Which physical frames may hold translated code (they were mapped executable in some address
 * space, at any time), and which have TLB entries that let stores skip QEMU's code check
 * ({@link FastStores}). The two must never meet: a frame that becomes executable after it got
 * fast stores asks for every TLB entry to go before the CPU runs again.
 */
final class CodeFrames {
    private final BitSet mayHoldCode = new BitSet();
    private final BitSet fastStores = new BitSet();
    private boolean flushNeeded;
    private int codeGeneration;

    /** The frame at {@code physical} is being mapped executable. */
    void markExecutable(long physical) {
        int frame = frame(physical);
        if (!mayHoldCode.get(frame)) {
            codeGeneration++;
        }
        mayHoldCode.set(frame);
        if (fastStores.get(frame)) {
            fastStores.clear(frame);
            flushNeeded = true;
        }
    }

    /**
     * True when a frame of {@code [physical, physical + length)} was ever mapped executable:
     * the CPU translates code only from pages it may execute, so from no other frame.
     */
    boolean mayHoldCode(long physical, long length) {
        int first = frame(physical);
        int next = mayHoldCode.nextSetBit(first);
        return next >= 0 && next < frame(physical + length - 1) + 1;
    }

    /** Records that stores to the frame at {@code physical} may go fast; false when it may hold code. */
    boolean markFastStores(long physical) {
        int frame = frame(physical);
        if (mayHoldCode.get(frame)) {
            return false;
        }
        fastStores.set(frame);
        return true;
    }

    /**
     * Counts the frames that became executable: a TLB saved aside ({@link SpaceTlbs}) may let
     * stores to a frame skip QEMU's code check, which is sound only while the frame holds no code,
     * so one saved before the count last moved is not used again.
     */
    int codeGeneration() {
        return codeGeneration;
    }

    /** True once after a frame with fast stores became executable: the CPU must flush its TLBs. */
    boolean takeFlushNeeded() {
        boolean needed = flushNeeded;
        flushNeeded = false;
        return needed;
    }

    private static int frame(long physical) {
        return (int) (physical / PhysicalMemory.PAGE_SIZE);
    }
}
