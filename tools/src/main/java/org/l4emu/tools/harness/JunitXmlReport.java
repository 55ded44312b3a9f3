package org.l4emu.tools.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.l4emu.tools.trace.IoProblems;

/**
 * JUnit XML reports for CI, in the form Maven Surefire writes: one {@code TEST-SUITE.xml} per
 * suite directory, a testcase per case with its failure (the title as message, the diff as text)
 * or error, and the console and kernel log of cases that did not pass.
 */
public final class JunitXmlReport {
    private final Path directory;
    private final Path workingDirectory;

    public JunitXmlReport(Path directory, Path workingDirectory) {
        this.directory = directory;
        this.workingDirectory = workingDirectory;
    }

    /** Writes the reports; returns the files written. */
    public List<Path> write(List<CaseResult> results) {
        Map<Path, List<CaseResult>> bySuite = new LinkedHashMap<>();
        for (CaseResult result : results) {
            bySuite.computeIfAbsent(result.location().suite(), suite -> new ArrayList<>()).add(result);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ReportException(directory + ": cannot create the report directory (" + IoProblems.describe(e) + ")");
        }
        return bySuite.entrySet().stream().map(suite -> writeSuite(suiteName(suite.getKey()), suite.getValue()))
                .toList();
    }

    /** "guest-programs.tests" for the suite directory guest-programs/tests. */
    private String suiteName(Path suite) {
        String name = DisplayPath.of(suite, workingDirectory).replace('\\', '/').replaceAll("^[./]+", "")
                .replace('/', '.');
        return name.isEmpty() ? "l4emu-tests" : name;
    }

    private Path writeSuite(String name, List<CaseResult> results) {
        Path file = directory.resolve("TEST-" + name + ".xml");
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", name);
            xml.writeAttribute("tests", Integer.toString(results.size()));
            xml.writeAttribute("failures", Long.toString(count(results, CaseResult.Status.FAIL)));
            xml.writeAttribute("errors", Long.toString(count(results, CaseResult.Status.ERROR)));
            xml.writeAttribute("skipped", Long.toString(count(results, CaseResult.Status.SKIP)));
            xml.writeAttribute("time", seconds(results.stream().map(JunitXmlReport::elapsed)
                    .reduce(Duration.ZERO, Duration::plus)));
            for (CaseResult result : results) {
                writeCase(xml, name, result);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            out.write('\n');
        } catch (IOException | XMLStreamException e) {
            throw new ReportException(file + ": cannot write the JUnit report (" + e.getMessage() + ")");
        }
        return file;
    }

    private static void writeCase(XMLStreamWriter xml, String suite, CaseResult result) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", result.name());
        xml.writeAttribute("classname", suite);
        xml.writeAttribute("time", seconds(elapsed(result)));
        switch (result.status()) {
            case PASS -> {}
            case FAIL -> problem(xml, "failure", result.mismatches().getFirst().title(), "l4emu.Mismatch",
                    result.describeProblems());
            case ERROR -> problem(xml, "error", result.reason(), "l4emu.CaseError", result.reason());
            case SKIP -> {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", XmlText.clean(result.reason()));
            }
        }
        if (result.failed() && result.run() != null) {
            text(xml, "system-out", result.run().console());
            text(xml, "system-err", result.run().log());
        }
        xml.writeEndElement();
    }

    private static void problem(XMLStreamWriter xml, String element, String message, String type, String detail)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        xml.writeAttribute("message", XmlText.clean(message));
        xml.writeAttribute("type", type);
        xml.writeCharacters(XmlText.clean(detail));
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String content) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        xml.writeCharacters(XmlText.clean(content));
        xml.writeEndElement();
    }

    private static long count(List<CaseResult> results, CaseResult.Status status) {
        return results.stream().filter(result -> result.status() == status).count();
    }

    private static Duration elapsed(CaseResult result) {
        return result.run() == null ? Duration.ZERO : result.run().elapsed();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }
}
