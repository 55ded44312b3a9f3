package org.l4emu.kernel.system;

import java.util.Objects;
import java.util.Optional;

/**
 * A redirection rule installed at boot: messages from {@code source} to {@code dest} pass
 * {@code monitor}.
 *
 * @param source a task name or {@link #ANY_TASK}
 * @param dest a task name or {@link #ANY_TASK}
 * @param monitor {@code "task"} (its first thread) or {@code "task.thread"}
 * @param line the line of the {@code <redirect>} element, for messages
 */
public record RedirectSpec(String source, String dest, String monitor, MonitorClass monitorClass, int line) {
    public static final String ANY_TASK = "*";

    public RedirectSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dest, "dest");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(monitorClass, "monitorClass");
    }

    /** The task of the monitor thread. */
    public String monitorTask() {
        int dot = monitor.indexOf('.');
        return dot < 0 ? monitor : monitor.substring(0, dot);
    }

    /** The monitor's thread name, or empty for the task's first thread. */
    public Optional<String> monitorThread() {
        int dot = monitor.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(monitor.substring(dot + 1));
    }
}
