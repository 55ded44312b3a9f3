package org.l4emu.kernel.boot;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.Architecture;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.kernel.memory.MappingDatabase;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.object.Task;

/**
 * The read-only boot info page (ABI section 2): a header and one 32-byte entry per thread of the
 * system description. It spans as many pages as the entries need, up to the end of user memory.
 */
public final class BootInfoPage {
    public static final int MAGIC = Abi.BootInfo.MAGIC;
    public static final int ABI_VERSION = Abi.BootInfo.ABI_VERSION;
    public static final int HEADER_SIZE = Abi.BootInfo.HEADER_SIZE;
    public static final int ENTRY_SIZE = Abi.BootInfo.ENTRY_SIZE;
    public static final int NAME_SIZE = Abi.BootInfo.NAME_LENGTH;
    public static final int FLAG_MONITOR = Abi.BootInfoFlag.MONITOR;
    public static final int FLAG_PRIVILEGED = Abi.BootInfoFlag.PRIVILEGED;
    public static final int MAX_ENTRIES = Abi.BootInfo.MAX_ENTRIES;

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
        memory.writeWord(base + Abi.BootInfo.MAGIC_OFFSET, MAGIC);
        memory.writeWord(base + Abi.BootInfo.VERSION_OFFSET, ABI_VERSION);
        memory.writeWord(base + Abi.BootInfo.ARCH_OFFSET, archCode(arch));
        memory.writeWord(base + Abi.BootInfo.ENTRY_COUNT_OFFSET, entries.size());
        memory.writeWord(base + Abi.BootInfo.TICKS_OFFSET, Abi.Time.INSTRUCTIONS_PER_MICROSECOND);
        long at = base + HEADER_SIZE;
        for (Entry entry : entries) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            memory.write(at, name, 0, Math.min(name.length, NAME_SIZE));
            memory.writeWord(at + Abi.BootInfo.ENTRY_ID_OFFSET, entry.threadId());
            int flags = (entry.monitor() ? FLAG_MONITOR : 0) | (entry.privileged() ? FLAG_PRIVILEGED : 0);
            memory.writeWord(at + Abi.BootInfo.ENTRY_FLAGS_OFFSET, flags);
            at += ENTRY_SIZE;
        }
        return new BootInfoPage(base, pages);
    }

    /** The arch word (+8). */
    static int archCode(Architecture arch) {
        return switch (arch) {
            case ARM -> Abi.Arch.ARM;
            case X86 -> Abi.Arch.X86;
        };
    }

    /** Maps the page(s) read-only into {@code task} at the ABI address. */
    public void mapInto(Task task, MappingDatabase mappings) throws OutOfPhysicalMemoryException {
        for (int i = 0; i < pages; i++) {
            mappings.mapFromSigma0(task, UserLayout.BOOT_INFO + i * UserLayout.PAGE_SIZE,
                    physical + (long) i * UserLayout.PAGE_SIZE, Access.READ);
        }
    }
}
