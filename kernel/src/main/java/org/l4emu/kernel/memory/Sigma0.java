package org.l4emu.kernel.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.kernel.object.Task;

/**
 * The kernel-internal sigma0: the default pager. It serves each task's declared {@code <memory>}
 * regions zero-filled on demand and refuses everything else.
 */
public final class Sigma0 {
    /** A declared region [start, start + size). */
    public record Region(long start, long size) {
        boolean contains(long address) {
            return address >= start && address < start + size;
        }
    }

    private final PhysicalMemory memory;
    private final MappingDatabase mappings;
    private final Map<Task, List<Region>> regions = new HashMap<>();

    /** Frames handed out at run time: each has exactly one root mapping, so it can come back. */
    private final java.util.Set<Long> servedFrames = new java.util.HashSet<>();

    public Sigma0(PhysicalMemory memory, MappingDatabase mappings) {
        this.memory = memory;
        this.mappings = mappings;
        // P3: a page served on demand returns to the pool when its last mapping goes, so a
        // task that faults and unmaps in a loop cannot drain physical memory.
        mappings.onRootReleased(frame -> {
            if (servedFrames.remove(frame)) {
                memory.freeFrames(frame, 1);
            }
        });
    }

    /**
     * Maps a fresh zeroed frame at {@code page} of {@code task} as a root mapping; the frame
     * returns to the pool when its last mapping goes (P3). Throws, leaving nothing allocated,
     * when physical memory has no room for the frame or its page table.
     */
    public void mapOwnedFrame(Task task, int page, Access rights) throws OutOfPhysicalMemoryException {
        long frame = memory.allocateFrame();
        try {
            mappings.mapFromSigma0(task, page, frame, rights);
        } catch (OutOfPhysicalMemoryException e) {
            memory.freeFrames(frame, 1);
            throw e;
        }
        servedFrames.add(frame);
    }

    /** Forgets what sigma0 knows of {@code task} (it was deleted). */
    public void forget(Task task) {
        regions.remove(task);
    }

    public void declare(Task task, Region region) {
        regions.computeIfAbsent(task, t -> new ArrayList<>()).add(region);
    }

    /**
     * Resolves a fault at {@code address} in {@code task}: maps a zeroed frame when the address
     * lies in a declared region. Returns false when sigma0 refuses.
     */
    public boolean resolve(Task task, int address) throws OutOfPhysicalMemoryException {
        long unsigned = Integer.toUnsignedLong(address);
        for (Region region : regions.getOrDefault(task, List.of())) {
            if (region.contains(unsigned)) {
                int page = UserLayout.pageBase(unsigned);
                if (mappings.isMapped(task, page)) {
                    // Mapped already, so the fault was about rights sigma0 does not give.
                    return false;
                }
                if (mappings.quotaUsedUp(task)) {
                    return false;
                }
                // All rights, as L4's sigma0 gives: a task that pages others from its region
                // (a loader, a user-level pager) decides what they may do with each page.
                mapOwnedFrame(task, page, Access.ALL);
                return true;
            }
        }
        return false;
    }
}
