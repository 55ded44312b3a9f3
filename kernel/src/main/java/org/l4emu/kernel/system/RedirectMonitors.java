package org.l4emu.kernel.system;

/** A redirect's monitor is a third party: neither the rule's source task nor its destination task. */
final class RedirectMonitors {
    private RedirectMonitors() {}

    static void check(SystemDescription description, Positions positions) throws SystemDescriptionException {
        for (RedirectSpec redirect : description.redirects()) {
            String monitorTask = redirect.monitorTask();
            if (monitorTask.equals(redirect.source())) {
                throw positions.error(redirect, "monitor '" + redirect.monitor()
                        + "' belongs to the redirect's own source task");
            }
            if (monitorTask.equals(redirect.dest())) {
                throw positions.error(redirect, "monitor '" + redirect.monitor()
                        + "' belongs to the redirect's own destination task");
            }
        }
    }
}
