package org.l4emu.kernel.system;

import java.util.ArrayList;
import java.util.List;

/** Within one task, declared memory and shared mappings do not overlap. */
final class RegionOverlaps {
    /** A region of one task's space and the spec that declared it. */
    private record Region(long start, long end, String what, Object spec) {
        boolean overlaps(Region other) {
            return start < other.end && other.start < end;
        }
    }

    private RegionOverlaps() {}

    static void check(SystemDescription description, Positions positions) throws SystemDescriptionException {
        for (TaskSpec task : description.tasks()) {
            List<Region> regions = regionsOf(task, description);
            for (int later = 1; later < regions.size(); later++) {
                for (int earlier = 0; earlier < later; earlier++) {
                    Region a = regions.get(earlier);
                    Region b = regions.get(later);
                    if (a.overlaps(b)) {
                        throw positions.error(b.spec(), b.what() + " overlaps " + a.what() + " (line "
                                + positions.of(a.spec()).line() + ") in task '" + task.name() + "'");
                    }
                }
            }
        }
    }

    private static List<Region> regionsOf(TaskSpec task, SystemDescription description) {
        List<Region> regions = new ArrayList<>();
        for (MemorySpec memory : task.memory()) {
            regions.add(region(memory.virtualAddress(), memory.size(), "<memory>", memory));
        }
        for (SharedRegionSpec shared : description.sharedRegions()) {
            for (SharedMappingSpec mapping : shared.mappings()) {
                if (mapping.task().equals(task.name())) {
                    regions.add(region(mapping.virtualAddress(), shared.size(),
                            "<map> of '" + shared.name() + "'", mapping));
                }
            }
        }
        return regions;
    }

    private static Region region(int address, int size, String kind, Object spec) {
        long start = Integer.toUnsignedLong(address);
        long end = start + Integer.toUnsignedLong(size);
        return new Region(start, end, kind + " " + NumberText.hex(start) + "-" + NumberText.hex(end - 1), spec);
    }
}
