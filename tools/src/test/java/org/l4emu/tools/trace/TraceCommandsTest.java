package org.l4emu.tools.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.tools.CommandLineRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code l4emu trace show | stats | dump | schema} on a recorded pump scenario. */
class TraceCommandsTest {
    @TempDir
    static Path dir;

    static Path trace;

    @BeforeAll
    static void recordPump() {
        trace = TraceRecordingTest.record(dir, "pump.xml");
    }

    @Test
    @DisplayName("every line of trace dump is valid against the shipped schema")
    void dumpMatchesSchema() {
        List<String> lines = dumpValidAgainstSchema(trace);
        assertTrue(lines.getFirst().startsWith("{\"format\":\"l4emu-trace\",\"version\":2"), lines.getFirst());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"kind\":\"forward\"") && l.contains("\"true_source\":\"client\"")));
    }

    /** The lines of {@code l4emu trace dump}, each checked against the schema {@code l4emu trace schema} prints. */
    static List<String> dumpValidAgainstSchema(Path trace) {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(CommandLineRun.of("trace", "schema").out());
        CommandLineRun dump = CommandLineRun.of("trace", "dump", trace.toString());
        assertEquals(0, dump.exitCode(), dump.err());
        List<String> lines = dump.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("{\"format\":\"l4emu-trace\",\"version\":2"), lines.getFirst());
        JsonMapper mapper = JsonMapper.shared();
        for (String line : lines) {
            JsonNode node = mapper.readTree(line);
            List<Error> errors = schema.validate(node);
            assertTrue(errors.isEmpty(), line + " -> " + errors);
        }
        return lines;
    }

    @Test
    @DisplayName("the schema rejects what is not an event")
    void schemaRejects() {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(CommandLineRun.of("trace", "schema").out());
        JsonMapper mapper = JsonMapper.shared();
        assertFalse(schema.validate(mapper.readTree("{\"seq\":0,\"time_ns\":0,\"instructions\":0,\"kind\":\"deliver\"}"))
                .isEmpty(), "a deliver without its fields");
        assertFalse(schema.validate(mapper.readTree("{\"seq\":0,\"time_ns\":0,\"instructions\":0,\"kind\":\"fly\"}"))
                .isEmpty(), "an unknown kind");
    }

    @Test
    @DisplayName("show filters by thread and kind")
    void showFilters() {
        CommandLineRun run = CommandLineRun.of("trace", "show", "--thread", "fs2", "--kind", "deliver", trace.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = run.out().lines().filter(l -> l.contains(" deliver ")).toList();
        assertEquals(3, rows.size(), run.out());
        assertTrue(rows.get(0).contains("receives from redirector (from client): label 0x4c, MR1..1 = 0x3"), rows.get(0));
    }

    @Test
    @DisplayName("show filters by label, option and time range")
    void showMoreFilters() {
        CommandLineRun byOption = CommandLineRun.of("trace", "show", "--option", "unblocking", trace.toString());
        assertEquals(5, byOption.out().lines().filter(l -> l.contains(" send ")).count(), byOption.out());
        CommandLineRun byLabel = CommandLineRun.of("trace", "show", "--label", "0x4c", "--kind", "deliver",
                "--from-us", "1000", "--to-us", "2000", trace.toString());
        assertEquals(4, byLabel.out().lines().filter(l -> l.contains(" deliver ")).count(), byLabel.out());
        CommandLineRun json = CommandLineRun.of("trace", "show", "--json", "--kind", "unblock", trace.toString());
        assertEquals(5, json.out().lines().count(), json.out());
    }

    @Test
    @DisplayName("stats counts messages per pair and per monitor, and blocked time")
    void stats() {
        CommandLineRun run = CommandLineRun.of("trace", "stats", trace.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("       5  client -> client_mon"), run.out());
        assertTrue(run.out().contains("       3  client -> fs2"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+pump\\s+5\\s+5\\s+5\\s+5")), run.out());
        assertTrue(run.out().contains("exit code 0"), run.out());
    }

    @Test
    @DisplayName("a file that is not a trace, and bad filters: one line, exit code 2")
    void badInput() throws IOException {
        Path notATrace = Files.writeString(dir.resolve("notes.txt"), "hello");
        CommandLineRun run = CommandLineRun.of("trace", "show", notATrace.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("not an l4emu trace"), run.err());
        Path truncated = dir.resolve("cut.trace");
        byte[] bytes = Files.readAllBytes(trace);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CommandLineRun cut = CommandLineRun.of("trace", "stats", truncated.toString());
        assertEquals(2, cut.exitCode());
        assertTrue(cut.err().contains("malformed trace"), cut.err());
        CommandLineRun badKind = CommandLineRun.of("trace", "show", "--kind", "fly", trace.toString());
        assertEquals(2, badKind.exitCode());
        assertEquals(List.of("l4emu: unknown --kind 'fly'"), badKind.errLines());
        CommandLineRun badLimit = CommandLineRun.of("trace", "show", "--limit", "-1", trace.toString());
        assertEquals(2, badLimit.exitCode());
        assertEquals(List.of("l4emu: --limit takes a positive number"), badLimit.errLines());
    }
}
