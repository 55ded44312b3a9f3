package org.l4emu.tools.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.boot.BootOptions;

@DisplayName("Case files: what they say, and one line for what is wrong with them")
class CaseFileReaderTest {
    @TempDir
    Path directory;

    private TestCase read(String yaml) {
        TemporarySuite suite = new TemporarySuite(directory);
        suite.write("sub/case.test.yaml", yaml);
        CaseLocation location = CaseLocation.of(directory.resolve("sub/case.test.yaml"), directory);
        return CaseFileReader.read(location, Architecture.X86);
    }

    private String problem(String yaml) {
        CaseFileException e = assertThrows(CaseFileException.class, () -> read(yaml));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(directory.resolve("sub/case.test.yaml") + ": "), e.getMessage());
        return e.getMessage();
    }

    @Test
    @DisplayName("the smallest case: a system, exit code 0 by default, nothing else expected")
    void smallest() {
        TestCase testCase = read("system: ../systems/demo.xml\n");
        assertEquals("sub/case", testCase.name());
        assertEquals(directory.resolve("systems/demo.xml").toAbsolutePath().normalize(), testCase.system());
        assertEquals(0, testCase.exitCode());
        assertEquals(BootOptions.DEFAULTS, testCase.options());
        assertTrue(testCase.console().isEmpty() && testCase.log().isEmpty() && testCase.ipc().isEmpty());
        assertTrue(testCase.applies(), "a case without 'arch' applies everywhere");
    }

    @Test
    @DisplayName("everything: options as on the command line, golden files beside the case, lines as a list or a block")
    void everything() {
        TestCase testCase = read("""
                description: a demo
                arch: [arm]
                system: ../target/{arch}/demo.xml
                options: [--max-time-us=5000, --stop-on-fault]
                exit: 4
                console:
                  golden: demo.console
                  match:
                    - "ping: call 1"
                    - "/ping: reply \\\\d+/"
                ipc:
                  golden: golden/{arch}/demo.ipc
                  match: |
                    ping sends to pong: label 0x1, 1 word
                    pong receives from ping: *
                  absent: "* fails: *"
                """);
        assertEquals("a demo", testCase.description());
        assertEquals(directory.resolve("target/x86/demo.xml").toAbsolutePath().normalize(), testCase.system());
        assertFalse(testCase.applies(), "read for x86, an arm-only case is skipped");
        assertEquals(new BootOptions(5000, BootOptions.UNLIMITED, true, false), testCase.options());
        assertEquals(4, testCase.exitCode());
        assertEquals(directory.resolve("sub/demo.console").toAbsolutePath().normalize(), testCase.console().golden());
        assertEquals(List.of("ping: call 1", "/ping: reply \\d+/"),
                testCase.console().match().stream().map(LinePattern::text).toList());
        assertEquals(directory.resolve("sub/golden/x86/demo.ipc").toAbsolutePath().normalize(),
                testCase.ipc().golden());
        assertEquals(2, testCase.ipc().match().size());
        assertEquals(1, testCase.ipc().absent().size());
        assertNull(testCase.log().golden());
    }

    @Test
    @DisplayName("problems: a missing system, an unknown key, a line with ': ' unquoted, bad options, a bad regex")
    void problems() {
        assertTrue(problem("exit: 0\n").contains("no 'system'"));
        assertTrue(problem("").contains("empty case file"));
        String unknown = problem("system: a.xml\nconsol:\n  golden: a.console\n");
        assertTrue(unknown.contains("unknown key 'consol'") && unknown.contains("console"), unknown);
        assertTrue(problem("system: a.xml\ndescription: M1: the rule\n").contains("quote text that contains ': '"));
        String unquoted = problem("system: a.xml\nconsole:\n  match:\n    - M1 client: yes\n");
        assertTrue(unquoted.contains("line 4: console.match item 1: expected text, found 'key: value'"), unquoted);
        assertTrue(problem("system: a.xml\noptions: [--max-time-us=0]\n").contains("options: --max-time-us"));
        assertTrue(problem("system: a.xml\noptions: [--fast]\n").contains("options: Unknown option: '--fast'"));
        String exit = problem("system: a.xml\nexit: zero\n");
        assertTrue(exit.contains("line 2: exit: expected a whole number"), exit);
        assertTrue(problem("system: a.xml\nipc:\n  match: /a(/\n").contains("ipc.match: bad regular expression /a(/"));
        assertTrue(problem("system: a.xml\narch: [sparc]\n")
                .contains("arch: unknown architecture 'sparc' (known: arm, x86)"));
    }
}
