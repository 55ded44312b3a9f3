package org.l4emu.tools.harness;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.l4emu.kernel.ExitCode;
import org.l4emu.kernel.boot.Boot;
import org.l4emu.kernel.boot.BootException;
import org.l4emu.kernel.trace.EventTee;
import org.l4emu.tools.check.LiveRuleChecker;

/**
 * Boots a case's system on a machine of its own, as {@code l4emu boot} would, and captures what
 * the run showed, with the rule checker watching every event. Safe to call from several threads
 * at once: nothing is shared between runs.
 */
public final class CaseRunner {
    private CaseRunner() {}

    public static CaseRun run(TestCase testCase) {
        long start = System.nanoTime();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        IpcTranscript transcript = new IpcTranscript();
        LiveRuleChecker rules = new LiveRuleChecker();
        int exit;
        String bootError = null;
        try (PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            try {
                exit = Boot.run(testCase.system(), testCase.options(), console, logStream,
                        new EventTee(transcript, rules.events()));
            } catch (BootException e) {
                // A case may expect bad input: it sees what the command line would show.
                logStream.println("l4emu: " + e.getMessage());
                exit = ExitCode.BAD_INPUT;
                bootError = e.getMessage();
            }
        }
        return new CaseRun(exit, console.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8),
                transcript.lines(), rules.checker(), Duration.ofNanos(System.nanoTime() - start), bootError);
    }
}
