package org.l4emu.kernel.boot;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.kernel.memory.MappingDatabase;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.sched.VirtualClock;

/**
 * The read-only boot info page (ABI section 2): a header and one 32-byte entry per thread of the
 * system description. It spans as many pages as the entries need, up to the end of user memory.
 */
public final class BootInfoPage {
    public static final int MAGIC = 0x4942_344C;
    public static final int ABI_VERSION = 1;
    public static final int HEADER_SIZE = 32;
    public static final int ENTRY_SIZE = 32;
    public static final int NAME_SIZE = 24;
    public static final int FLAG_MONITOR = 1;
    public static final int FLAG_PRIVILEGED = 2;
    public static final int MAX_ENTRIES =
            (int) ((UserLayout.USER_END - Integer.toUnsignedLong(UserLayout.BOOT_INFO) - HEADER_SIZE) / ENTRY_SIZE);

    /** One thread as the boot info page lists it. */
    public record Entry(String name, int threadId, boolean monitor, boolean privileged) {}

    private final long physical;
    private final int pages;

    private BootInfoPage(long physical, int pages) {
        this.physical = physical;
        this.pages = pages;
    }

    public static BootInfoPage write(PhysicalMemory memory, Architecture arch, List<Entry> entries)
            throws OutOfPhysicalMemoryException {
        int bytes = HEADER_SIZE + ENTRY_SIZE * entries.size();
        int pages = (int) (UserLayout.roundUpToPage(bytes) / UserLayout.PAGE_SIZE);
        long base = memory.allocateFrames(pages, PhysicalMemory.PAGE_SIZE);
        memory.writeWord(base, MAGIC);
        memory.writeWord(base + 4, ABI_VERSION);
        memory.writeWord(base + 8, arch.bootInfoCode());
        memory.writeWord(base + 12, entries.size());
        memory.writeWord(base + 16, VirtualClock.INSTRUCTIONS_PER_MICROSECOND);
        long at = base + HEADER_SIZE;
        for (Entry entry : entries) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            memory.write(at, name, 0, Math.min(name.length, NAME_SIZE));
            memory.writeWord(at + NAME_SIZE, entry.threadId());
            int flags = (entry.monitor() ? FLAG_MONITOR : 0) | (entry.privileged() ? FLAG_PRIVILEGED : 0);
            memory.writeWord(at + NAME_SIZE + 4, flags);
            at += ENTRY_SIZE;
        }
        return new BootInfoPage(base, pages);
    }

    /** Maps the page(s) read-only into {@code task} at the ABI address. */
    public void mapInto(Task task, MappingDatabase mappings) throws OutOfPhysicalMemoryException {
        for (int i = 0; i < pages; i++) {
            mappings.mapFromSigma0(task, UserLayout.BOOT_INFO + i * UserLayout.PAGE_SIZE,
                    physical + (long) i * UserLayout.PAGE_SIZE, Access.READ);
        }
    }
}
