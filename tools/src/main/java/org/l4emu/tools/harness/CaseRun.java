package org.l4emu.tools.harness;

import java.time.Duration;
import java.util.List;

/**
 * What one boot of a case showed: exit code, the guests' console, the kernel's messages and the
 * IPC transcript, and the host time it took (for reports only: nothing compares it).
 */
public record CaseRun(int exitCode, String console, String log, List<String> ipc, Duration elapsed) {
}
