package org.l4emu.tools.fuzz.kernel;

import java.io.PrintStream;
import java.util.List;
import java.util.function.LongConsumer;
import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.scripted.ScriptedSystem;
import org.l4emu.kernel.system.AllowSpec;
import org.l4emu.kernel.system.RedirectSpec;
import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.trace.EventTee;
import org.l4emu.kernel.trace.KernelEvents;
import org.l4emu.tools.check.LiveRuleChecker;
import org.l4emu.tools.fuzz.FuzzLoop;
import org.l4emu.tools.fuzz.FuzzOptions;
import org.l4emu.tools.fuzz.FuzzOutcome;
import org.l4emu.tools.fuzz.FuzzRun;
import org.l4emu.tools.fuzz.FuzzSystem;
import org.l4emu.tools.trace.TraceHeader;
import org.l4emu.tools.trace.TraceRecorder;

/**
 * {@code l4emu fuzz --kernel}: the fuzz system's layout booted on the scripted machine, every
 * thread running the Java generators instead of guest code, so that the kernel's system-call
 * layer takes millions of fuzzed calls a second under the same oracles as the guest fuzzer (the
 * kernel's invariants after every trap) and more (the guarantee oracles, each attack's expected
 * outcome, and the rule checker of docs/checker.md).
 */
public final class KernelFuzzRun {
    private static final int PROGRESS_MARKS = 10;

    private KernelFuzzRun() {}

    /**
     * Runs {@code options} (kernel level); {@code progress} hears the system call count at each
     * tenth of the budget; {@code rules} (or null: none) checks every kernel event after every
     * trap, as in the guest fuzzer; with {@code options.trace()} the run is recorded too.
     */
    public static FuzzOutcome run(FuzzOptions options, PrintStream log, LongConsumer progress, LiveRuleChecker rules)
            throws BootException {
        long progressEvery = Math.max(1, options.syscalls() / PROGRESS_MARKS);
        KernelFuzzObserver observer = new KernelFuzzObserver(options.syscalls(), progressEvery);
        ScriptedSystem.Builder layout = layout(options);
        KernelEvents checked = rules == null ? observer : new EventTee(observer, rules.events());
        try (TraceRecorder recorder = FuzzRun.recorder(options, TraceHeader.of(layout.description(),
                VirtualClock.NANOS_PER_INSTRUCTION));
             ScriptedSystem system = layout.events(recorder == null ? checked : new EventTee(checked, recorder))
                     .log(log).boot()) {
            Kernel kernel = system.kernel();
            FuzzWorld world = new FuzzWorld(kernel, system.machine(), options.seed());
            observer.attach(world);
            system.machine().setDefaultProgram(new KernelFuzzer(world, options.classes()));
            return FuzzLoop.run(kernel, observer, rules, progress);
        }
    }

    /** The guest fuzzer's system (FuzzSystem) as a scripted system: same tasks, threads, regions and rules. */
    private static ScriptedSystem.Builder layout(FuzzOptions options) {
        ScriptedSystem.Builder builder = ScriptedSystem.builder(options.arch()).memoryBytes(FuzzSystem.MEMORY_BYTES);
        List<FuzzSystem.TaskLayout> tasks = FuzzSystem.tasks(options.fuzzers());
        for (FuzzSystem.TaskLayout task : tasks) {
            builder.task(task.name(), task.privileged(), task.monitor());
            if (task.priority() != 0) {
                builder.priority(task.name(), task.priority());
            }
            for (String thread : task.threads()) {
                builder.thread(task.name(), thread);
            }
            if (task.sourceRegion()) {
                builder.memory(task.name(), FuzzSystem.SOURCE_ADDRESS, FuzzSystem.SOURCE_SIZE);
            }
        }
        builder.shared("progress", FuzzSystem.SLOTS_SIZE, FuzzSystem.SLOTS_ADDRESS,
                tasks.stream().map(FuzzSystem.TaskLayout::name).toList());
        for (RedirectSpec rule : FuzzSystem.REDIRECTS) {
            builder.redirect(rule.source(), rule.dest(), rule.monitor(), rule.monitorClass());
        }
        for (AllowSpec allow : FuzzSystem.ALLOWS) {
            builder.allow(allow.source(), allow.dest());
        }
        return builder;
    }
}
