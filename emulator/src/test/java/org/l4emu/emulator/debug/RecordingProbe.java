package org.l4emu.emulator.debug;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;

/**
 * A probe for machine tests: stops at every code point (once per arrival: a thread stopped at an
 * address runs it on its next run) and after every watched access in the one space it watches,
 * and records what it saw.
 */
public final class RecordingProbe implements DebugProbe {
    /** One call of the probe. */
    public record Hit(CpuContext thread, AddressSpace space, int instruction, int address, int size, boolean write,
                      long value) {}

    private final DebugPoints points;
    private final AddressSpace watchedSpace;
    private final List<Hit> hits = new ArrayList<>();
    private final Set<CpuContext> standing = new HashSet<>();

    /** Stops in {@code watchedSpace} only, or in every space when it is null. */
    public RecordingProbe(DebugPoints points, AddressSpace watchedSpace) {
        this.points = points;
        this.watchedSpace = watchedSpace;
    }

    public List<Hit> hits() {
        return hits;
    }

    @Override
    public DebugPoints points() {
        return points;
    }

    @Override
    public boolean stopBefore(CpuContext thread, AddressSpace space, int address) {
        if (watchedSpace != null && space != watchedSpace) {
            return false;
        }
        if (standing.remove(thread)) {
            return false;
        }
        standing.add(thread);
        hits.add(new Hit(thread, space, address, address, 0, false, 0));
        return true;
    }

    @Override
    public boolean stopAfter(CpuContext thread, AddressSpace space, int instruction, int address, int size,
                             boolean write, long value) {
        if (watchedSpace != null && space != watchedSpace) {
            return false;
        }
        hits.add(new Hit(thread, space, instruction, address, size, write, value));
        return true;
    }
}
