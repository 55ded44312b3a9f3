package org.l4emu.kernel.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact messages for representative problems; the corpus test covers the rest. */
class SystemDescriptionErrorTest {
    @TempDir
    Path dir;

    private String problem(String xml) throws IOException {
        Path file = dir.resolve("sys.xml");
        Files.writeString(file, xml);
        return assertThrows(SystemDescriptionException.class, () -> SystemDescriptionParser.parse(file))
                .getMessage()
                .replace(file.toString(), "sys.xml");
    }

    @Test
    void reportsMissingFiles() {
        Path missing = dir.resolve("missing.xml");
        SystemDescriptionException e = assertThrows(SystemDescriptionException.class,
                () -> SystemDescriptionParser.parse(missing));
        assertEquals("no such file: " + missing, e.getMessage());
    }

    @Test
    void reportsUnreadableFiles() {
        SystemDescriptionException e = assertThrows(SystemDescriptionException.class,
                () -> SystemDescriptionParser.parse(dir));
        assertTrue(e.getMessage().startsWith("cannot read " + dir + ": "), e.getMessage());
    }

    @Test
    void reportsMalformedXmlWithLineAndColumn() throws IOException {
        assertEquals("sys.xml:2:3: malformed XML: the element type \"task\" must be terminated by the matching"
                        + " end-tag \"</task>\"",
                problem("<system arch=\"arm\"><task name=\"a\" image=\"a.elf\">\n</x></system>"));
    }

    @Test
    void reportsSchemaViolationsReadably() throws IOException {
        assertEquals("sys.xml:2: <task> is missing the attribute 'image'",
                problem("<system arch=\"arm\">\n  <task name=\"a\" privileged=\"true\"/>\n</system>"));
        assertEquals("sys.xml:1: invalid privileged 'yes' on <task>: expected true or false",
                problem("<system arch=\"arm\"><task name=\"a\" image=\"a\" privileged=\"yes\"/></system>"));
    }

    @Test
    void reportsUnknownReferencesOnTheirLine() throws IOException {
        assertEquals("sys.xml:4: unknown task 'x' in <redirect> source", problem("""
                <system arch="arm">
                  <task name="a" image="a.elf"/>
                  <task name="m" image="m.elf"/>
                  <redirect source="x" dest="a" monitor="m"/>
                </system>
                """));
    }

    @Test
    void reportsDuplicatesWithBothLines() throws IOException {
        assertEquals("sys.xml:4: duplicate task name 'a' (first on line 2)", problem("""
                <system arch="arm">
                  <task name="a" image="a.elf"/>
                  <task name="b" image="b.elf"/>
                  <task name="a" image="a.elf"/>
                </system>
                """));
    }

    @Test
    void reportsPagerCyclesAtTheirFirstTask() throws IOException {
        assertEquals("sys.xml:2: pager cycle: a -> b -> a", problem("""
                <system arch="arm">
                  <task name="a" image="a.elf" pager="b"/>
                  <task name="b" image="b.elf" pager="a"/>
                </system>
                """));
    }

    @Test
    void neverExpandsExternalEntities() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String message = problem("""
                <?xml version="1.0"?>
                <!DOCTYPE system [ <!ENTITY leak SYSTEM "%s"> ]>
                <system arch="arm" name="&leak;"><task name="a" image="a.elf"/></system>
                """.formatted(secret.toUri()));

        assertEquals("sys.xml:2:10: DOCTYPE declarations are not allowed", message);
        assertFalse(message.contains("TOP-SECRET"));
    }

    @Test
    void neverLoadsExternalDtdsOrSchemas() throws IOException {
        assertEquals("sys.xml:1:10: DOCTYPE declarations are not allowed",
                problem("<!DOCTYPE system SYSTEM \"http://localhost:1/evil.dtd\"><system arch=\"arm\"/>"));
        // A schema hint in the document is ignored: the bundled schema is the only one used.
        assertEquals("sys.xml:1: the system has no <task>", problem("""
                <system arch="arm" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xsi:noNamespaceSchemaLocation="http://localhost:1/evil.xsd"></system>"""));
    }

    @Test
    void keepsMessagesOnOneLine() {
        assertEquals("first second", new SystemDescriptionException("first\n   second\n").getMessage());
    }
}
