package org.l4emu.tools.harness;

import java.util.function.Function;
import java.util.stream.Collectors;

/** The three texts of a run a case can expect things of, in report order, with the words reports use for them. */
enum RunText {
    // The transcript comes first: when the kernel's IPC changed, that is the news; consoles follow from it.
    IPC("ipc transcript", "event", TestCase::ipc, run -> run.ipc().stream().map(line -> line + "\n")
            .collect(Collectors.joining())),
    CONSOLE("console", "line", TestCase::console, CaseRun::console),
    LOG("kernel log", "line", TestCase::log, CaseRun::log);

    private final String title;
    private final String unit;
    private final Function<TestCase, TextExpectation> expectation;
    private final Function<CaseRun, String> text;

    RunText(String title, String unit, Function<TestCase, TextExpectation> expectation,
            Function<CaseRun, String> text) {
        this.title = title;
        this.unit = unit;
        this.expectation = expectation;
        this.text = text;
    }

    /** "console", "kernel log", "ipc transcript". */
    String title() {
        return title;
    }

    /** What one line of the text is: "line", or "event" in a transcript. */
    String unit() {
        return unit;
    }

    TextExpectation expectationOf(TestCase testCase) {
        return expectation.apply(testCase);
    }

    /** The text as a golden file holds it. */
    String of(CaseRun run) {
        return text.apply(run);
    }
}
