package org.l4emu.kernel.boot;

import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadTable;
import org.l4emu.kernel.redirect.AllowRules;
import org.l4emu.kernel.redirect.RedirectionRule;
import org.l4emu.kernel.redirect.RedirectionTable;
import org.l4emu.kernel.system.AllowSpec;
import org.l4emu.kernel.system.RedirectSpec;
import org.l4emu.kernel.system.SystemDescription;
import org.l4emu.kernel.trace.KernelEvents;

/** Installs a description's {@code <redirect>} and {@code <allow>} rules, in document order. */
public final class RuleInstaller {
    private RuleInstaller() {}

    public static void install(SystemDescription description, ThreadTable threads, RedirectionTable redirections,
                               AllowRules allows, KernelEvents events) {
        for (RedirectSpec spec : description.redirects()) {
            RedirectionRule rule = new RedirectionRule(task(threads, spec.source()), task(threads, spec.dest()),
                    monitorThread(threads, spec), spec.monitorClass());
            redirections.add(rule);
            events.redirectionRuleAdded(rule);
        }
        for (AllowSpec spec : description.allows()) {
            allows.allow(threads.task(spec.source()), threads.task(spec.dest()));
            events.allowRuleAdded(threads.task(spec.source()), threads.task(spec.dest()));
        }
    }

    /** The named task, or null for "any task"; the parser has checked that names resolve. */
    private static Task task(ThreadTable threads, String name) {
        return RedirectSpec.ANY_TASK.equals(name) ? null : threads.task(name);
    }

    private static Thread monitorThread(ThreadTable threads, RedirectSpec spec) {
        Task task = threads.task(spec.monitorTask());
        if (spec.monitorThread().isEmpty()) {
            return task.firstThread();
        }
        String name = spec.monitorTask() + "." + spec.monitorThread().get();
        return task.threads().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
