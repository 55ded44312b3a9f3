package org.l4emu.kernel.system;

import org.l4emu.kernel.object.Quotas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.Architecture;

/**
 * Turns a schema-valid element tree into the model: applies defaults, resolves image paths and
 * checks each value on its own (ranges, page alignment). Relations between elements are left to
 * the {@link SemanticCheck}s, which find the source of every spec in {@link #positions()}.
 */
final class DescriptionReader {
    /** Quotas are counts of kernel objects; a million of each is far beyond any guest system. */
    private static final long MAX_QUOTA = Abi.Description.MAX_QUOTA;

    static final int PAGE_SIZE = Abi.Layout.PAGE_SIZE;
    private static final long MAX_UNSIGNED_32 = 0xffff_ffffL;
    private static final long ADDRESS_SPACE_SIZE = 1L << 32;

    private final Path xml;
    private final Positions positions = new Positions();

    DescriptionReader(Path xml) {
        this.xml = xml;
    }

    Positions positions() {
        return positions;
    }

    SystemDescription read(XmlElement system) throws SystemDescriptionException {
        List<TaskSpec> tasks = new ArrayList<>();
        for (XmlElement task : system.children("task")) {
            tasks.add(task(task));
        }
        List<SharedRegionSpec> shared = new ArrayList<>();
        for (XmlElement region : system.children("shared")) {
            shared.add(sharedRegion(region));
        }
        List<RedirectSpec> redirects = new ArrayList<>();
        for (XmlElement redirect : system.children("redirect")) {
            redirects.add(redirect(redirect));
        }
        List<AllowSpec> allows = new ArrayList<>();
        for (XmlElement allow : system.children("allow")) {
            allows.add(positions.record(new AllowSpec(allow.required("source"), allow.required("dest")), allow));
        }
        SystemDescription description = new SystemDescription(
                xml,
                Architecture.fromXmlName(system.required("arch")),
                system.attribute("name").orElse(FileNames.baseName(xml)),
                optionalNumber(system, "max-time-us", SystemDescription.DEFAULT_MAX_TIME_US, 1, Long.MAX_VALUE),
                tasks, shared, redirects, allows);
        return positions.record(description, system);
    }

    private TaskSpec task(XmlElement task) throws SystemDescriptionException {
        int priority = (int) optionalNumber(task, "priority", TaskSpec.DEFAULT_PRIORITY, 0, TaskSpec.MAX_PRIORITY);
        List<ThreadSpec> threads = new ArrayList<>();
        for (XmlElement thread : task.children("thread")) {
            threads.add(thread(thread, priority));
        }
        List<MemorySpec> memory = new ArrayList<>();
        for (XmlElement region : task.children("memory")) {
            int size = size(region);
            memory.add(positions.record(new MemorySpec(address(region, size), size), region));
        }
        TaskSpec spec = new TaskSpec(
                task.required("name"),
                FileNames.besideDescription(xml, task.required("image")),
                flag(task, "privileged"),
                flag(task, "monitor"),
                task.attribute("pager"),
                priority,
                threads,
                memory,
                new Quotas(
                        (int) optionalNumber(task, "max-threads", Quotas.DEFAULT_THREADS, 1, MAX_QUOTA),
                        (int) optionalNumber(task, "max-mappings", Quotas.DEFAULT_MAPPINGS, 1, MAX_QUOTA),
                        (int) optionalNumber(task, "max-notifications", Quotas.DEFAULT_NOTIFICATIONS, 1, MAX_QUOTA)));
        return positions.record(spec, task);
    }

    private ThreadSpec thread(XmlElement thread, int taskPriority) throws SystemDescriptionException {
        String entry = thread.required("entry");
        if (NumberText.isHex(entry)) {
            requireRange(thread, "entry", entry, 0, MAX_UNSIGNED_32);
        }
        // Any number of bytes: the stack is rounded up to whole pages where it is placed.
        int stack = (int) optionalNumber(thread, "stack", ThreadSpec.DEFAULT_STACK_SIZE, 1, Integer.MAX_VALUE);
        int priority = (int) optionalNumber(thread, "priority", taskPriority, 0, TaskSpec.MAX_PRIORITY);
        return positions.record(new ThreadSpec(thread.required("name"), entry, stack, priority), thread);
    }

    private SharedRegionSpec sharedRegion(XmlElement region) throws SystemDescriptionException {
        int size = size(region);
        List<SharedMappingSpec> mappings = new ArrayList<>();
        for (XmlElement map : region.children("map")) {
            SharedMappingSpec mapping = new SharedMappingSpec(
                    map.required("task"), address(map, size), perms(map.required("perms")));
            mappings.add(positions.record(mapping, map));
        }
        return positions.record(new SharedRegionSpec(region.required("name"), size, mappings), region);
    }

    private RedirectSpec redirect(XmlElement redirect) {
        MonitorClass monitorClass = redirect.attribute("class")
                .map(MonitorClass::fromXmlName)
                .orElse(MonitorClass.SYSTEM);
        RedirectSpec spec = new RedirectSpec(redirect.required("source"), redirect.required("dest"),
                redirect.required("monitor"), monitorClass, redirect.position().line());
        return positions.record(spec, redirect);
    }

    /** The element's page-aligned {@code vaddr} for a region of {@code size} bytes. */
    private static int address(XmlElement element, int size) throws SystemDescriptionException {
        long address = number(element, "vaddr", 0, MAX_UNSIGNED_32);
        if (address % PAGE_SIZE != 0) {
            throw element.position().error(label(element, "vaddr") + " " + NumberText.hex(address)
                    + " is not page-aligned");
        }
        if (address + Integer.toUnsignedLong(size) > ADDRESS_SPACE_SIZE) {
            throw element.position().error("<" + element.name() + "> at " + NumberText.hex(address)
                    + " with size " + NumberText.hex(Integer.toUnsignedLong(size))
                    + " wraps around the 32-bit address space");
        }
        return (int) address;
    }

    /** The element's non-zero, page-multiple {@code size}. */
    private static int size(XmlElement element) throws SystemDescriptionException {
        long size = number(element, "size", 0, MAX_UNSIGNED_32);
        if (size == 0) {
            throw element.position().error(label(element, "size") + " must not be zero");
        }
        if (size % PAGE_SIZE != 0) {
            throw element.position().error(label(element, "size") + " " + NumberText.hex(size)
                    + " is not a multiple of the page size (" + NumberText.hex(PAGE_SIZE) + ")");
        }
        return (int) size;
    }

    private static long optionalNumber(XmlElement element, String attribute, long defaultValue, long min, long max)
            throws SystemDescriptionException {
        return element.attribute(attribute).isPresent() ? number(element, attribute, min, max) : defaultValue;
    }

    private static long number(XmlElement element, String attribute, long min, long max)
            throws SystemDescriptionException {
        String text = element.required(attribute);
        requireRange(element, attribute, text, min, max);
        return NumberText.parseUnsigned(text);
    }

    private static void requireRange(XmlElement element, String attribute, String text, long min, long max)
            throws SystemDescriptionException {
        long value = NumberText.parseUnsigned(text);
        if (value < min || value > max) {
            throw element.position().error(label(element, attribute) + " " + text + " is out of range ("
                    + limit(min) + " to " + limit(max) + ")");
        }
    }

    private static String limit(long value) {
        return value > 0xffff ? NumberText.hex(value) : Long.toString(value);
    }

    private static String label(XmlElement element, String attribute) {
        return "<" + element.name() + "> " + attribute;
    }

    /** xs:boolean: "true" or "1" is true; absent is false. */
    private static boolean flag(XmlElement element, String attribute) {
        Optional<String> value = element.attribute(attribute);
        return value.isPresent() && (value.get().equals("true") || value.get().equals("1"));
    }

    /** The schema admits r, w and x in that order, each at most once. */
    private static Access perms(String text) {
        int bits = 0;
        for (char c : text.toCharArray()) {
            bits |= switch (c) {
                case 'r' -> Access.READ_BIT;
                case 'w' -> Access.WRITE_BIT;
                case 'x' -> Access.EXECUTE_BIT;
                default -> throw new IllegalStateException("schema let perms '" + text + "' through");
            };
        }
        return Access.of(bits);
    }
}
