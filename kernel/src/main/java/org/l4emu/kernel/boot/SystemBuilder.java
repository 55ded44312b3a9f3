package org.l4emu.kernel.boot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.Machine;
import org.l4emu.emulator.OutOfPhysicalMemoryException;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.elf.ElfImage;
import org.l4emu.emulator.elf.Segment;
import org.l4emu.kernel.memory.MappingDatabase;
import org.l4emu.kernel.memory.Sigma0;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadFactory;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadTable;
import org.l4emu.kernel.system.MemorySpec;
import org.l4emu.kernel.system.SharedMappingSpec;
import org.l4emu.kernel.system.SharedRegionSpec;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.system.TaskSpec;
import org.l4emu.kernel.system.ThreadSpec;

/**
 * Builds the initial system from a description (ABI section 4): one task per {@code <task>} with
 * its ELF segments, stacks, UTCBs, boot info page and shared regions mapped, and its threads
 * created halted, numbered in manifest order from 16.
 */
public final class SystemBuilder {
    public static final int SIGMA0_ID = ThreadId.SIGMA0;

    private final Machine machine;
    private final PhysicalMemory memory;
    private final ThreadTable threads;
    private final Sigma0 sigma0;
    private final Utcb utcb;
    private final ImageSet images;
    private final MappingDatabase mappings;
    private final ThreadFactory threadFactory;

    public SystemBuilder(Machine machine, ImageSet images, ThreadTable threads, Sigma0 sigma0, Utcb utcb,
                         MappingDatabase mappings) {
        this.images = images;
        this.mappings = mappings;
        this.threadFactory = new ThreadFactory(machine, threads, mappings, sigma0, utcb);
        this.machine = machine;
        this.memory = machine.memory();
        this.threads = threads;
        this.sigma0 = sigma0;
        this.utcb = utcb;
    }

    /**
     * Builds every task and thread; the threads are left HALTED, in start order in
     * {@link ThreadTable#all()}. Returns the boot info page, for tasks created later.
     */
    public BootInfoPage build(SystemDescription description) throws BootException {
        try {
            Map<String, Integer> firstThreadIds = planFirstThreadIds(description);
            List<BootInfoPage.Entry> entries = new ArrayList<>();
            for (TaskSpec spec : description.tasks()) {
                int pager = spec.pager().map(firstThreadIds::get).orElse(SIGMA0_ID);
                buildTask(spec, firstThreadIds.get(spec.name()), pager, entries);
            }
            for (SharedRegionSpec region : description.sharedRegions()) {
                mapShared(region);
            }
            if (entries.size() > BootInfoPage.MAX_ENTRIES) {
                throw new BootException(description.source() + ": too many threads for the boot info page ("
                        + entries.size() + ", at most " + BootInfoPage.MAX_ENTRIES + ")");
            }
            BootInfoPage bootInfo = BootInfoPage.write(memory, description.arch(), entries);
            for (Task task : threads.tasks()) {
                bootInfo.mapInto(task, mappings);
                checkMappingQuota(description, task);
            }
            return bootInfo;
        } catch (OutOfPhysicalMemoryException e) {
            throw new BootException(description.source() + ": out of physical memory while loading (" + e.getMessage() + ")");
        }
    }

    /** P3: what the description maps into a task at boot is held within its max-mappings, like any mapping. */
    private void checkMappingQuota(SystemDescription description, Task task) throws BootException {
        int held = mappings.count(task);
        if (held > task.quotas().mappings()) {
            throw new BootException(description.source() + ": task '" + task.name() + "' holds " + held
                    + " mappings at boot (segments, stacks, UTCBs, shared regions, boot info page), more than its"
                    + " max-mappings " + task.quotas().mappings());
        }
    }

    private static Map<String, Integer> planFirstThreadIds(SystemDescription description) {
        Map<String, Integer> ids = new HashMap<>();
        int number = ThreadId.FIRST_USER_NUMBER;
        for (TaskSpec spec : description.tasks()) {
            ids.put(spec.name(), ThreadId.of(number, ThreadId.FIRST_VERSION));
            number += 1 + spec.threads().size();
        }
        return ids;
    }

    private void buildTask(TaskSpec spec, int firstId, int pager,
                           List<BootInfoPage.Entry> entries) throws BootException, OutOfPhysicalMemoryException {
        ElfImage image = images.image(spec);
        AddressSpace space = machine.createAddressSpace();
        Task task = new Task(spec.name(), space, spec.privileged(), spec.monitor(), spec.quotas());
        threads.addTask(task);

        int stackTop = UserLayout.MAIN_STACK_TOP;
        int number = ThreadId.number(firstId);
        createThread(task, spec.name(), ThreadId.of(number++, ThreadId.FIRST_VERSION), spec.priority(),
                image.entry(), stackTop, UserLayout.MAIN_STACK_SIZE, pager);
        stackTop -= UserLayout.MAIN_STACK_SIZE;
        for (ThreadSpec threadSpec : spec.threads()) {
            String name = spec.name() + "." + threadSpec.name();
            int entry = resolveEntry(image, threadSpec, name);
            long size = UserLayout.roundUpToPage(threadSpec.stackSize()); // up to 2^31: not an int
            createThread(task, name, ThreadId.of(number++, ThreadId.FIRST_VERSION), threadSpec.priority(),
                    entry, stackTop, size, pager);
            stackTop -= size;
        }
        loadSegments(task, image, stackTop);
        for (MemorySpec region : spec.memory()) {
            sigma0.declare(task, new Sigma0.Region(Integer.toUnsignedLong(region.virtualAddress()), region.size()));
        }
        for (Thread thread : task.threads()) {
            entries.add(new BootInfoPage.Entry(thread.name(), thread.id(), spec.monitor(), spec.privileged()));
        }
    }

    private static int resolveEntry(ElfImage image, ThreadSpec spec, String threadName) throws BootException {
        OptionalInt address = spec.entryAddress();
        if (address.isPresent()) {
            return address.getAsInt();
        }
        OptionalInt symbol = image.symbol(spec.entry());
        if (symbol.isEmpty()) {
            throw new BootException(image.displayName() + ": no symbol '" + spec.entry() + "' for the entry of thread "
                    + threadName);
        }
        return symbol.getAsInt();
    }

    private void createThread(Task task, String name, int id, int priority, int entry, int stackTop, long stackSize,
                              int pager) throws OutOfPhysicalMemoryException {
        mapFresh(task, (int) (stackTop - stackSize), stackSize, Access.READ_WRITE);
        int utcbAddress = UserLayout.utcbAddress(task.takeUtcbSlot());
        threadFactory.create(task, name, id, priority, entry, stackTop, utcbAddress, pager);
    }

    private void loadSegments(Task task, ElfImage image, int lowestStack)
            throws BootException, OutOfPhysicalMemoryException {
        List<Segment> segments = image.segments();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            long start = Integer.toUnsignedLong(segment.virtualAddress());
            long end = start + Integer.toUnsignedLong(segment.memorySize());
            if (start < UserLayout.USER_BASE || end > Integer.toUnsignedLong(lowestStack)) {
                throw new BootException(String.format(
                        "%s: segment %d (0x%08x-0x%08x) lies outside user memory for images (0x%08x-0x%08x)",
                        image.displayName(), i, start, end, UserLayout.USER_BASE, Integer.toUnsignedLong(lowestStack)));
            }
            loadSegment(task, segment);
        }
    }

    private void loadSegment(Task task, Segment segment) throws OutOfPhysicalMemoryException {
        AddressSpace space = task.space();
        long start = Integer.toUnsignedLong(segment.virtualAddress());
        long end = start + Integer.toUnsignedLong(segment.memorySize());
        byte[] bytes = segment.fileBytes();
        for (long page = UserLayout.pageBase(start) & 0xFFFF_FFFFL; page < end; page += UserLayout.PAGE_SIZE) {
            int pageAddress = (int) page;
            long frame = space.translate(pageAddress);
            if (frame == -1) {
                frame = memory.allocateFrame();
                mappings.mapFromSigma0(task, pageAddress, frame, segment.rights());
            } else {
                // Two segments share this page: it gets the rights of both.
                mappings.mapFromSigma0(task, pageAddress, frame,
                        Access.of(space.rights(pageAddress).bits() | segment.rights().bits()));
            }
            long copyFrom = Math.max(start, page);
            long copyTo = Math.min(start + bytes.length, page + UserLayout.PAGE_SIZE);
            if (copyTo > copyFrom) {
                memory.write(frame + (copyFrom - page), bytes, (int) (copyFrom - start), (int) (copyTo - copyFrom));
            }
        }
    }

    private void mapFresh(Task task, int start, long size, Access rights) throws OutOfPhysicalMemoryException {
        for (long offset = 0; offset < size; offset += UserLayout.PAGE_SIZE) {
            mappings.mapFromSigma0(task, start + (int) offset, memory.allocateFrame(), rights);
        }
    }

    private void mapShared(SharedRegionSpec region) throws OutOfPhysicalMemoryException {
        int pages = (int) (UserLayout.roundUpToPage(Integer.toUnsignedLong(region.size())) / UserLayout.PAGE_SIZE);
        long frames = memory.allocateFrames(pages, PhysicalMemory.PAGE_SIZE);
        for (SharedMappingSpec mapping : region.mappings()) {
            Task task = threads.task(mapping.task());
            for (int i = 0; i < pages; i++) {
                mappings.mapFromSigma0(task, mapping.virtualAddress() + i * UserLayout.PAGE_SIZE,
                        frames + (long) i * UserLayout.PAGE_SIZE, mapping.perms());
            }
        }
    }
}
