package org.l4emu.tools.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.l4emu.tools.trace.IoProblems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses a case file's YAML into a {@link CaseFile}, turning Jackson's errors into one line in the
 * case file's words: the line, the key, and what was expected there.
 */
final class CaseFileParser {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            // A misspelt key would otherwise silently drop an expectation.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // "match: |" with one line per pattern spares quoting lines that contain ": ".
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();
    private static final String QUOTE_HINT = "quote text that contains ': '";

    private CaseFileParser() {}

    /** The case file's content, or null when it has none. */
    static CaseFile parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CaseFileReader.problem(file, "cannot read (" + IoProblems.describe(e) + ")");
        }
        if (text.isBlank()) {
            return null;
        }
        try {
            return YAML.readValue(text, CaseFile.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            // No line number: Jackson reports where it stopped, past the key, which would mislead.
            throw CaseFileReader.problem(file, "unknown key '" + e.getPropertyName() + "' (known here: " + known + ")");
        } catch (MismatchedInputException e) {
            throw CaseFileReader.problem(file, at(e) + keyPath(e) + ": " + expectedForm(e));
        } catch (JacksonException e) {
            String message = firstLine(e.getOriginalMessage());
            throw CaseFileReader.problem(file, at(e) + message
                    + (message.contains("mapping values are not allowed") ? " (" + QUOTE_HINT + ")" : ""));
        }
    }

    /** "console.match item 2" for the second entry of console's match list. */
    private static String keyPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append(" item ").append(reference.getIndex() + 1);
            }
        }
        return path.isEmpty() ? "the case file" : path.toString();
    }

    private static String expectedForm(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == String.class) {
            return "expected text, found 'key: value' (" + QUOTE_HINT + ", or give lines in a 'match: |' block)";
        }
        if (type == Integer.class || type == int.class) {
            return "expected a whole number";
        }
        if (type == CaseFile.class || type == CaseFile.Text.class) {
            return "expected keys and values";
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String at(JacksonException e) {
        boolean known = e.getLocation() != null && e.getLocation().getLineNr() >= 1;
        return known ? "line " + e.getLocation().getLineNr() + ": " : "";
    }

    private static String firstLine(String message) {
        String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return line.replaceAll(" at \\[Source.*", "");
    }
}
