package org.l4emu.tools.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.system.AllowSpec;
import org.l4emu.kernel.system.MonitorClass;
import org.l4emu.kernel.system.RedirectSpec;

/**
 * The system a fuzz run boots, for a given number of fuzzer threads: a privileged keeper that
 * kicks threads which stopped making progress, a privileged root that rewrites the redirection
 * rules and churns threads and tasks, four fuzz tasks over which the fuzzer threads are spread
 * (one with a thread that exits early, one with a thread that faults), a system and a
 * destination monitor, a source monitor, static redirect and allow rules so that every option
 * path is reachable, and the shared progress page. The guest fuzzer boots it as XML
 * ({@link #xml}; guest-programs/systems/fuzz.xml is that for {@link #DEFAULT_FUZZERS}, its
 * addresses those of guest-programs/src/common/fuzz_world.h); the kernel-level fuzzer builds the
 * same layout on the scripted machine ({@link #tasks}, {@link #REDIRECTS}, {@link #ALLOWS}).
 */
public final class FuzzSystem {
    public static final int DEFAULT_FUZZERS = 12;
    public static final int MIN_FUZZERS = 4;
    public static final int MAX_FUZZERS = 64;
    public static final String IMAGE = "fuzz.elf";
    public static final int SLOTS_ADDRESS = 0x5000_0000;
    public static final int SLOTS_SIZE = 0x1000;
    public static final int SOURCE_ADDRESS = 0x6000_0000;
    public static final int SOURCE_SIZE = 0x10000;
    /**
     * Physical memory of the machine a fuzz run boots on (both levels): small, so that memory the
     * kernel never gives back runs out within a run, and far above what the system legitimately
     * holds (its tasks, threads and regions are bounded).
     */
    public static final long MEMORY_BYTES = 64L << 20;
    public static final String KEEPER = "keeper";
    public static final String ROOT = "root";
    private static final int FUZZ_TASKS = 4;
    private static final int STACK = 8192;
    private static final int KEEPER_PRIORITY = 200;
    private static final int MONITOR_PRIORITY = 110;

    /** The static rules; the fuzzers know them (guest-programs/src/common/fuzz_world.h names the same). */
    public static final List<RedirectSpec> REDIRECTS = List.of(
            new RedirectSpec("fuzz0", "fuzz1", "mon", MonitorClass.SYSTEM, 0),
            new RedirectSpec("fuzz3", "fuzz0", "mon", MonitorClass.SYSTEM, 0),
            new RedirectSpec(RedirectSpec.ANY_TASK, "fuzz2", "mon.dst", MonitorClass.DESTINATION, 0),
            new RedirectSpec("fuzz1", RedirectSpec.ANY_TASK, "smon", MonitorClass.SOURCE, 0));
    public static final List<AllowSpec> ALLOWS = List.of(new AllowSpec("fuzz3", "fuzz0"),
            new AllowSpec("fuzz3", "fuzz3"));

    /**
     * One task of the layout. {@code priority} 0 means the default; {@code sourceRegion}: the
     * task has the {@code <memory>} region fuzzers map, grant and unmap.
     */
    public record TaskLayout(String name, boolean privileged, boolean monitor, int priority, List<String> threads,
                             boolean sourceRegion) {}

    private FuzzSystem() {}

    /** The tasks for {@code fuzzers} fuzzer threads, in description order. */
    public static List<TaskLayout> tasks(int fuzzers) {
        if (fuzzers < MIN_FUZZERS || fuzzers > MAX_FUZZERS) {
            throw new IllegalArgumentException("fuzzer threads must be " + MIN_FUZZERS + " to " + MAX_FUZZERS);
        }
        List<TaskLayout> tasks = new ArrayList<>();
        tasks.add(new TaskLayout(KEEPER, true, false, KEEPER_PRIORITY, List.of(), false));
        tasks.add(new TaskLayout(ROOT, true, false, 0, List.of(), true));
        for (int task = 0; task < FUZZ_TASKS; task++) {
            List<String> threads = new ArrayList<>();
            for (int fuzzer = task + FUZZ_TASKS; fuzzer < fuzzers; fuzzer += FUZZ_TASKS) {
                threads.add("f" + fuzzer);
            }
            if (task == 1) {
                threads.add("doomed");
            }
            if (task == 2) {
                threads.add("crasher");
            }
            tasks.add(new TaskLayout("fuzz" + task, false, false, 0, threads, true));
        }
        tasks.add(new TaskLayout("mon", false, true, MONITOR_PRIORITY, List.of("dst"), true));
        tasks.add(new TaskLayout("smon", false, true, 0, List.of(), true));
        return tasks;
    }

    /** The arm description with {@code fuzzers} fuzzer threads, its tasks loading {@code image}. */
    public static String xml(int fuzzers, String image) {
        return xml(Architecture.ARM, fuzzers, image);
    }

    /** The description for {@code architecture} with {@code fuzzers} fuzzer threads, its tasks loading {@code image}. */
    public static String xml(Architecture architecture, int fuzzers, String image) {
        List<TaskLayout> tasks = tasks(fuzzers);
        StringBuilder xml = new StringBuilder();
        xml.append("<!-- Generated by l4emu fuzz (tools/.../fuzz/FuzzSystem.java) for ").append(fuzzers)
                .append(" fuzzer threads: do not edit by hand. -->\n");
        xml.append("<system arch=\"").append(architecture.xmlName()).append("\" name=\"fuzz\" max-time-us=\"1000000\">\n");
        for (TaskLayout task : tasks) {
            task(xml, task, image);
        }
        xml.append("  <shared name=\"progress\" size=\"").append(hex(SLOTS_SIZE)).append("\">\n");
        for (TaskLayout task : tasks) {
            xml.append("    <map task=\"").append(task.name()).append("\" vaddr=\"").append(hex(SLOTS_ADDRESS))
                    .append("\" perms=\"rw\"/>\n");
        }
        xml.append("  </shared>\n");
        for (RedirectSpec rule : REDIRECTS) {
            xml.append("  <redirect source=\"").append(rule.source()).append("\" dest=\"").append(rule.dest())
                    .append("\" monitor=\"").append(rule.monitor()).append("\" class=\"")
                    .append(rule.monitorClass().xmlName()).append("\"/>\n");
        }
        for (AllowSpec allow : ALLOWS) {
            xml.append("  <allow source=\"").append(allow.source()).append("\" dest=\"").append(allow.dest())
                    .append("\"/>\n");
        }
        xml.append("</system>\n");
        return xml.toString();
    }

    private static void task(StringBuilder xml, TaskLayout task, String image) {
        xml.append("  <task name=\"").append(task.name()).append("\" image=\"").append(image).append('"');
        if (task.privileged()) {
            xml.append(" privileged=\"true\"");
        }
        if (task.monitor()) {
            xml.append(" monitor=\"true\"");
        }
        if (task.priority() != 0) {
            xml.append(" priority=\"").append(task.priority()).append('"');
        }
        if (task.threads().isEmpty() && !task.sourceRegion()) {
            xml.append("/>\n");
            return;
        }
        xml.append(">\n");
        for (String thread : task.threads()) {
            xml.append("    <thread name=\"").append(thread).append("\" entry=\"fuzz_thread\" stack=\"").append(STACK)
                    .append("\"/>\n");
        }
        if (task.sourceRegion()) {
            xml.append("    <memory vaddr=\"").append(hex(SOURCE_ADDRESS)).append("\" size=\"").append(hex(SOURCE_SIZE))
                    .append("\"/>\n");
        }
        xml.append("  </task>\n");
    }

    private static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }
}
