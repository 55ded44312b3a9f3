package org.l4emu.kernel.boot;

import java.util.List;
import org.l4emu.emulator.elf.ElfImage;
import org.l4emu.emulator.elf.Segment;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.system.MemorySpec;
import org.l4emu.kernel.system.SharedMappingSpec;
import org.l4emu.kernel.system.SharedRegionSpec;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.system.TaskSpec;

/**
 * No task's declared memory or shared mapping covers a page of its own image: the mapping
 * would silently replace the program's code or data. Checked once the images are read, before
 * any machine exists.
 */
final class RegionsClearOfImages {
    private RegionsClearOfImages() {}

    static void check(SystemDescription description, ImageSet images) throws BootException {
        for (TaskSpec task : description.tasks()) {
            List<Segment> segments = images.image(task).segments();
            for (MemorySpec memory : task.memory()) {
                requireClear(description, task, segments, memory.virtualAddress(), memory.size(), "<memory>");
            }
            for (SharedRegionSpec shared : description.sharedRegions()) {
                for (SharedMappingSpec mapping : shared.mappings()) {
                    if (mapping.task().equals(task.name())) {
                        requireClear(description, task, segments, mapping.virtualAddress(), shared.size(),
                                "<map> of '" + shared.name() + "'");
                    }
                }
            }
        }
    }

    private static void requireClear(SystemDescription description, TaskSpec task, List<Segment> segments, int address,
                                      int size, String what) throws BootException {
        long start = Integer.toUnsignedLong(address);
        long end = start + Integer.toUnsignedLong(size);
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            // Segments are mapped whole pages at a time.
            long segmentStart = Integer.toUnsignedLong(UserLayout.pageBase(Integer.toUnsignedLong(segment.virtualAddress())));
            long segmentEnd = UserLayout.roundUpToPage(segment.endAddress());
            if (start < segmentEnd && segmentStart < end) {
                throw new BootException(String.format(
                        "%s: %s 0x%08x-0x%08x of task '%s' overlaps segment %d (0x%08x-0x%08x) of its image %s",
                        description.source(), what, start, end - 1, task.name(), i, segmentStart, segmentEnd - 1,
                        task.image()));
            }
        }
    }
}
