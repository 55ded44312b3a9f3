package org.l4emu.tools.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.tools.CommandLineRun;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code l4emu test} from the command line, on small suites written into a temporary directory. */
class TestCommandTest {
    @TempDir
    Path directory;

    private TemporarySuite suite() {
        TemporarySuite suite = new TemporarySuite(directory);
        suite.write("hello.test.yaml", "system: " + TemporarySuite.built("hello.elf") + "\n"
                + "console:\n  golden: hello.console\nipc:\n  golden: hello.ipc\n");
        suite.write("pingpong.test.yaml", "system: " + TemporarySuite.built("pingpong.xml") + "\n"
                + "console:\n  match: |\n    ping: call 1\n    ping: done\n");
        return suite;
    }

    private CommandLineRun test(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "test";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = directory.toString();
        return CommandLineRun.of(args);
    }

    private static void assertOneLineError(CommandLineRun run, String fragment) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("l4emu: ") && run.err().contains(fragment), run.err());
    }

    @Test
    @DisplayName("a new case fails for want of golden files; --update records them; then it passes")
    void recordThenPass() {
        TemporarySuite suite = suite();
        CommandLineRun first = test();
        assertEquals(1, first.exitCode(), first.out());
        assertTrue(first.out().contains("no golden file hello.console for the console")
                || first.out().contains("no golden file " + directory.resolve("hello.console")), first.out());

        CommandLineRun update = test("--update");
        assertEquals(0, update.exitCode(), update.out());
        assertTrue(update.out().contains("(created "), update.out());
        assertEquals("hello from l4emu\n", suite.read("hello.console"));
        assertEquals("hello exits\n", suite.read("hello.ipc"));

        CommandLineRun again = test();
        assertEquals(0, again.exitCode(), again.out());
        assertEquals("2 passed, 0 failed", again.out().lines().toList().getLast());
        assertTrue(again.out().startsWith("l4emu test: 2 cases"), again.out());
        assertTrue(again.out().indexOf("PASS  hello") < again.out().indexOf("PASS  pingpong"), "stable order");
    }

    @Test
    @DisplayName("a failure prints its diff and the summary counts it; the exit code is 1")
    void failureDiff() {
        TemporarySuite suite = suite();
        suite.write("hello.console", "hello from l4emu, version 1\n");
        suite.write("hello.ipc", "hello exits\n");
        CommandLineRun run = test();
        assertEquals(1, run.exitCode(), run.out());
        String out = run.out();
        assertTrue(out.contains("FAIL hello  ("), out);
        assertTrue(out.contains("console differs from "), out);
        assertTrue(out.contains("    expected: hello from l4emu, version 1\n    actual:   hello from l4emu\n"), out);
        assertTrue(out.contains("\n  -hello from l4emu, version 1\n  +hello from l4emu\n"), out);
        assertEquals("1 passed, 1 failed", out.lines().toList().getLast());
    }

    @Test
    @DisplayName("--junit writes a Surefire-style report with a testcase per case and the failure's diff")
    void junitReport() throws Exception {
        TemporarySuite suite = suite();
        suite.write("hello.console", "goodbye\n");
        suite.write("hello.ipc", "hello exits\n");
        Path reports = directory.resolve("reports");
        CommandLineRun run = test("--junit", reports.toString());
        assertEquals(1, run.exitCode(), run.out());
        List<Path> files;
        try (var listing = Files.list(reports)) {
            files = listing.toList();
        }
        assertEquals(1, files.size(), files.toString());
        assertTrue(files.getFirst().getFileName().toString().matches("TEST-.+\\.xml"), files.toString());

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(files.getFirst().toFile());
        Element testsuite = xml.getDocumentElement();
        assertEquals("testsuite", testsuite.getTagName());
        assertEquals("2", testsuite.getAttribute("tests"));
        assertEquals("1", testsuite.getAttribute("failures"));
        assertEquals("0", testsuite.getAttribute("errors"));
        Element hello = (Element) testsuite.getElementsByTagName("testcase").item(0);
        assertEquals("hello", hello.getAttribute("name"));
        Element failure = (Element) hello.getElementsByTagName("failure").item(0);
        String message = failure.getAttribute("message");
        assertTrue(message.startsWith("console differs from "), message);
        assertTrue(failure.getTextContent().contains("+hello from l4emu"), failure.getTextContent());
        assertEquals("hello from l4emu\n", hello.getElementsByTagName("system-out").item(0).getTextContent());
        Element pingpong = (Element) testsuite.getElementsByTagName("testcase").item(1);
        assertEquals(0, pingpong.getElementsByTagName("failure").getLength());
    }

    @Test
    @DisplayName("--filter runs the cases it names; a filter that selects nothing is bad input")
    void filter() {
        suite();
        CommandLineRun run = test("--update", "--filter", "ping");
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("PASS  pingpong") && !run.out().contains("hello"), run.out());
        assertOneLineError(test("--filter", "nothing*"), "no test case matches nothing*");
    }

    @Test
    @DisplayName("a broken case file is an ERROR for that case only; the others still run")
    void brokenCaseFile() {
        TemporarySuite suite = suite();
        suite.write("broken.test.yaml", "system: x.xml\nexpect: 0\n");
        CommandLineRun run = test("--update");
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("ERROR broken"), run.out());
        assertTrue(run.out().contains("unknown key 'expect'"), run.out());
        assertTrue(run.out().contains("PASS  hello") && run.out().contains("PASS  pingpong"), run.out());
        assertFalse(run.out().contains("\tat "), "no stack trace");
    }

    @Test
    @DisplayName("a case whose system was not built fails with that as its headline, not with the diffs it causes")
    void systemNotBuilt() {
        TemporarySuite suite = new TemporarySuite(directory);
        suite.write("unbuilt.test.yaml", "system: " + TemporarySuite.built("never_built.xml") + "\n"
                + "console:\n  match: \"anything\"\n");
        CommandLineRun run = test();
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("FAIL unbuilt: the system was not booted: ")
                && run.out().contains("never_built.xml: no such file"), run.out());
    }

    @Test
    @DisplayName("bad input: a missing directory, --jobs 0, an empty directory")
    void badInput() {
        assertOneLineError(CommandLineRun.of("test", directory.resolve("absent").toString()), "absent: no such file");
        assertOneLineError(test("--jobs", "0"), "--jobs takes a positive number");
        assertOneLineError(test(), "no test case found");
    }

    @Test
    @DisplayName("--help describes the command and its options")
    void help() {
        CommandLineRun run = CommandLineRun.of("test", "--help");
        assertEquals(0, run.exitCode());
        for (String option : List.of("--update", "--junit", "--filter", "--jobs", "DIR")) {
            assertTrue(run.out().contains(option), run.out());
        }
    }

    @Test
    @DisplayName("a --junit DIR that cannot be written is said at once, in one line, exit 2, before any case runs")
    void junitDirectoryCheckedFirst() throws java.io.IOException {
        suite();
        Path blocker = java.nio.file.Files.writeString(directory.resolve("blocker"), "a file, not a directory\n");
        CommandLineRun run = test("--junit=" + blocker.resolve("reports"));
        assertOneLineError(run, "--junit " + blocker.resolve("reports") + ": cannot write (");
        assertEquals("", run.out(), "no case ran");
    }
}
