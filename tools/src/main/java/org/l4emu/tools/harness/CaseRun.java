package org.l4emu.tools.harness;

import java.time.Duration;
import java.util.List;
import org.l4emu.tools.check.RuleChecker;

/**
 * What one boot of a case showed: exit code, the guests' console, the kernel's messages, the
 * IPC transcript, what the rule checker found in its events (docs/checker.md), and the host
 * time it took (for reports only: nothing compares it). {@code bootError}: why the system was
 * not booted at all (a missing or invalid file), or null.
 */
public record CaseRun(int exitCode, String console, String log, List<String> ipc, RuleChecker rules,
                      Duration elapsed, String bootError) {
}
