package org.l4emu.tools.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.l4emu.tools.CommandLineRun;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code l4emu trace export}: Perfetto JSON against the trace event format, Mermaid text, an SVG picture. */
class ExportTest {
    @TempDir
    static Path dir;

    static Path trace;

    @BeforeAll
    static void recordPump() {
        trace = dir.resolve("pump.trace");
        CommandLineRun run = CommandLineRun.of("boot", "--quiet", "--trace", trace.toString(),
                CommandLineRun.guest("pump.xml"));
        assertEquals(0, run.exitCode(), run.err());
    }

    private static String export(String format, String... more) throws IOException {
        Path out = dir.resolve("out." + format);
        List<String> args = new java.util.ArrayList<>(List.of("trace", "export", "--format", format, trace.toString(),
                "-o", out.toString()));
        args.addAll(List.of(more));
        CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return Files.readString(out);
    }

    @Test
    @DisplayName("the Perfetto JSON is valid against the trace event format's schema")
    void perfettoSchema() throws IOException {
        JsonNode json = JsonMapper.shared().readTree(export("perfetto"));
        Schema schema;
        try (InputStream in = ExportTest.class.getResourceAsStream("/trace-event-format.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
        List<Error> errors = schema.validate(json);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    @DisplayName("Perfetto: a named track per thread, and a flow from the client through each monitor to fs")
    void perfettoTracksAndFlows() throws IOException {
        JsonNode events = JsonMapper.shared().readTree(export("perfetto")).get("traceEvents");
        Set<String> threadNames = new HashSet<>();
        Map<Long, List<Long>> flowThreads = new HashMap<>();
        Map<Long, String> flowPhases = new HashMap<>();
        for (JsonNode event : events) {
            String phase = event.get("ph").asString();
            if (phase.equals("M") && event.get("name").asString().equals("thread_name")) {
                threadNames.add(event.get("args").get("name").asString().split(" ")[0]);
            }
            if (phase.equals("s") || phase.equals("t") || phase.equals("f")) {
                long id = event.get("id").asLong();
                flowThreads.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(event.get("tid").asLong());
                flowPhases.merge(id, phase, String::concat);
            }
        }
        assertEquals(Set.of("client", "client_mon", "pump", "redirector", "fs", "fs2"), threadNames);
        long firstJourney = flowThreads.keySet().stream().min(Long::compare).orElseThrow();
        // client (1) -> client_mon (2) -> pump (3) -> redirector (4) -> fs (5): receive and forward at each monitor.
        assertEquals(List.of(1L, 2L, 2L, 3L, 3L, 4L, 4L, 5L), flowThreads.get(firstJourney));
        assertEquals("sttttttf", flowPhases.get(firstJourney));
    }

    @Test
    @DisplayName("Mermaid: a sequence diagram with an arrow per message")
    void mermaid() throws IOException {
        String text = export("mermaid");
        assertTrue(text.contains("sequenceDiagram\n    participant p1 as client\n"), text);
        assertTrue(text.contains("    p1->>p2: 101.670 us label 0x4c, MR1..1 = 0x1 [R]\n"), text);
        assertTrue(text.contains("    p2-)p1: 1074.870 us unblocking\n"), text);
        assertTrue(text.contains("activate p1"), text);
    }

    @Test
    @DisplayName("SVG: a well-formed picture with a lifeline per thread")
    void svg() throws Exception {
        String svg = export("svg");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", document.getDocumentElement().getTagName());
        for (String name : List.of("client", "client_mon", "pump", "redirector", "fs", "fs2", "kernel")) {
            assertTrue(svg.contains(">" + name + "</text>"), name);
        }
        assertTrue(svg.contains("notification: blocked source client, true source client, final receiver fs"), svg);
    }

    @Test
    @DisplayName("the SVG next to the README is the current picture of the pump scenario")
    void documentedPictureIsCurrent() throws IOException {
        Path documented = Path.of("..", "docs", "pump.svg");
        assertEquals(Files.readString(documented), export("svg"),
                "regenerate: ./l4emu boot --trace /tmp/pump.trace guest-programs/target/arm/pump.xml && "
                        + "./l4emu trace export --format svg /tmp/pump.trace -o docs/pump.svg");
    }

    @Test
    @DisplayName("filters and limits apply to diagrams")
    void filtered() throws IOException {
        String text = export("mermaid", "--thread", "fs2", "--limit", "2");
        assertEquals(2, text.lines().filter(l -> l.contains(" us ")).count(), text);
        assertTrue(text.contains("    p1->>p2: 2145.400 us label 0x4c, MR1..1 = 0x3, from client\n"), text);
        assertTrue(!text.contains("activate"), "no bars of threads the filter leaves out");
        assertTrue(text.contains("cut short"), text);
    }
}
