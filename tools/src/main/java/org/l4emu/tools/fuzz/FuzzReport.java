package org.l4emu.tools.fuzz;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.l4emu.kernel.invariants.InvariantChecker;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.tools.check.RuleChecker;

/** The summary of a fuzz run: what ran, what the kernel answered, and whether anything broke. */
public final class FuzzReport {
    /** System calls 0..7 of ABI.md section 3; every other number counts as undefined. */
    static final int NAMED_SYSCALLS = 8;
    private static final String[] SYSCALL_NAMES = {"kdebug", "ipc", "thread_switch", "system_clock",
            "exchange_registers", "thread_control", "unmap", "redirect"};

    private FuzzReport() {}

    /** The ABI's name of system call {@code number}, or "undefined". */
    public static String syscallName(int number) {
        return number >= 0 && number < NAMED_SYSCALLS ? SYSCALL_NAMES[number] : "undefined system call " + number;
    }

    public static void print(FuzzOptions options, FuzzOutcome outcome, PrintWriter out) {
        FuzzStatistics statistics = outcome.statistics();
        double seconds = outcome.wallNanos() / 1e9;
        double cpuSeconds = outcome.cpuNanos() / 1e9;
        out.printf(Locale.ROOT, "l4emu fuzz%s: seed %d, %s, %d threads (%d fuzzers): %,d system calls in %.1f s "
                        + "(%,.0f per second; %,.0f per CPU second)%n", options.kernelLevel() ? " --kernel" : "",
                options.seed(), options.arch().xmlName(), outcome.threads(), options.fuzzers(), statistics.syscalls(),
                seconds, statistics.syscalls() / Math.max(seconds, 1e-9),
                statistics.syscalls() / Math.max(cpuSeconds, 1e-9));
        out.println("  system calls: " + String.join(", ", syscallCounts(statistics)));
        out.println("  generator classes (system calls and faults): " + String.join(", ", classCounts(options, statistics)));
        out.printf(Locale.ROOT, "  ipc: %,d messages delivered, %,d errors: %s%n", statistics.deliveries(),
                statistics.ipcFailures(), String.join(", ", errorCounts(statistics.ipcErrors())));
        out.printf(Locale.ROOT, "  threads: %d exited or deleted, %d stopped by a fault; at the end %s%n",
                statistics.threadsExited(), statistics.threadsFaulted(), finalStates(outcome));
        out.printf(Locale.ROOT, "  console: %,d bytes; virtual time %,d us, %,d guest instructions; "
                        + "physical frames in use %,d of %,d%n", statistics.consoleBytes(), outcome.virtualMicros(),
                outcome.instructions(), outcome.framesInUse(), outcome.frames());
        out.printf(Locale.ROOT, "  invariant checks: %,d (after every trap; every k-th once %,d threads were made); "
                        + "violations: %d; host exceptions: %d%n",
                outcome.invariantChecks(), InvariantChecker.EVERY_TRAP_LIMIT, outcome.violation() == null ? 0 : 1,
                outcome.hostException() == null ? 0 : 1);
        RuleChecker rules = outcome.rules();
        if (rules == null) {
            out.println("  rule checker: off");
        } else {
            out.printf(Locale.ROOT, "  rule checker: %,d events checked (after every trap); rule violations: %,d%s%n",
                    rules.events(), rules.violationCount(),
                    rules.violationCount() == 0 ? "" : " (" + rules.countsText() + ")");
            rules.firstOfEachRule().forEach(v -> out.println("  RULE VIOLATION (first " + v.rule().name() + ") at "
                    + v.describe()));
        }
        if (outcome.violation() != null) {
            out.println("  VIOLATION after system call " + statistics.syscalls() + ": " + outcome.violation().getMessage());
        }
        if (outcome.hostException() != null) {
            out.println("  HOST EXCEPTION after system call " + statistics.syscalls() + ": " + outcome.hostException());
        }
        if (outcome.endedEarly() != null) {
            out.println("  the system ended by itself (exit code " + outcome.endedEarly() + ") before its budget");
        }
        if (outcome.withered()) {
            out.printf(Locale.ROOT, "  WITHERED: no generator class made a call in the last %,d system calls "
                    + "(the keeper, servers and monitors ran on alone)%n", statistics.syscallsSinceFuzzersActed());
        }
        if (!outcome.clean()) {
            out.println("  reproduce with: " + options.reproduction());
        }
    }

    private static String finalStates(FuzzOutcome outcome) {
        List<String> states = new ArrayList<>();
        outcome.finalStates().forEach((state, count) -> states.add(count + " " + state.name().toLowerCase(Locale.ROOT)));
        return String.join(", ", states);
    }

    private static List<String> classCounts(FuzzOptions options, FuzzStatistics statistics) {
        List<String> counts = new ArrayList<>();
        for (AttackClass attackClass : AttackClass.values()) {
            if (options.classes().contains(attackClass)) {
                counts.add(String.format(Locale.ROOT, "%s %,d", attackClass.label(), statistics.calls(attackClass)));
            }
        }
        counts.add(String.format(Locale.ROOT, "none (keeper, servers, monitors, pagers) %,d", statistics.unclassifiedCalls()));
        return counts;
    }

    private static List<String> syscallCounts(FuzzStatistics statistics) {
        List<String> counts = new ArrayList<>();
        for (int number = 0; number < NAMED_SYSCALLS; number++) {
            counts.add(String.format(Locale.ROOT, "%s %,d", SYSCALL_NAMES[number], statistics.syscalls(number)));
        }
        counts.add(String.format(Locale.ROOT, "undefined %,d", statistics.syscalls(NAMED_SYSCALLS)));
        return counts;
    }

    private static List<String> errorCounts(Map<Integer, long[]> errors) {
        List<String> counts = new ArrayList<>();
        for (Map.Entry<Integer, long[]> entry : errors.entrySet()) {
            int code = entry.getKey();
            String name = code < IpcError.values().length
                    ? IpcError.values()[code].name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    : "undefined";
            counts.add(String.format(Locale.ROOT, "%d %s (send %,d, receive %,d)", code, name, entry.getValue()[0],
                    entry.getValue()[1]));
        }
        return counts;
    }
}
