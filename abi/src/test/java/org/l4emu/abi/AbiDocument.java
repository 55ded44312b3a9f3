package org.l4emu.abi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** docs/abi.md read as its sections and their tables, so that tests can hold the table to the document. */
final class AbiDocument {
    static final Path FILE = Path.of("..", "docs", "abi.md");

    /** A Markdown table: its header cells and rows of cells, trimmed. */
    record Table(List<String> header, List<List<String>> rows) {
        /** The first row whose first cell is {@code key}. */
        List<String> row(String key) {
            return rows.stream().filter(r -> r.getFirst().equals(key)).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/abi.md: no row '" + key + "' in the table " + header));
        }

        /** The row whose cell {@code column} is {@code prefix}, else the first whose cell starts with it. */
        List<String> rowWhere(int column, String prefix) {
            return rows.stream().filter(r -> r.get(column).equals(prefix)).findFirst()
                    .or(() -> rows.stream().filter(r -> r.get(column).startsWith(prefix)).findFirst())
                    .orElseThrow(() -> new AssertionError("docs/abi.md: no row with '" + prefix + "' in the table "
                            + header));
        }
    }

    private final List<String> lines;

    private AbiDocument(List<String> lines) {
        this.lines = lines;
    }

    static AbiDocument read() {
        try {
            return new AbiDocument(Files.readAllLines(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the section whose heading starts with {@code heading} ("### 2.3"), up to the next heading. */
    String section(String heading) {
        return String.join("\n", sectionLines(heading));
    }

    /** The first table in section {@code heading} with this header, after the line starting with {@code anchor}. */
    Table tableAfter(String heading, String anchor, String... header) {
        List<String> section = sectionLines(heading);
        int from = 0;
        if (!anchor.isEmpty()) {
            from = indexOf(section, anchor, 0)
                    .orElseThrow(() -> new AssertionError("docs/abi.md " + heading + ": no '" + anchor + "'"));
        }
        for (int i = from; i < section.size() - 1; i++) {
            if (section.get(i).startsWith("|") && cells(section.get(i)).equals(Arrays.asList(header))) {
                List<List<String>> rows = new ArrayList<>();
                for (int j = i + 2; j < section.size() && section.get(j).startsWith("|"); j++) {
                    rows.add(cells(section.get(j)));
                }
                return new Table(List.of(header), rows);
            }
        }
        throw new AssertionError("docs/abi.md " + heading + ": no table " + Arrays.toString(header) + " after '"
                + anchor + "'");
    }

    /** The first table in section {@code heading} with this header. */
    Table table(String heading, String... header) {
        return tableAfter(heading, "", header);
    }

    private List<String> sectionLines(String heading) {
        int start = indexOf(lines, heading, 0).filter(i -> lines.get(i).startsWith("#"))
                .orElseThrow(() -> new AssertionError("docs/abi.md has no section " + heading));
        int level = lines.get(start).indexOf(' ');
        int end = start + 1;
        while (end < lines.size() && !isHeadingAtOrAbove(lines.get(end), level)) {
            end++;
        }
        return lines.subList(start, end);
    }

    private static boolean isHeadingAtOrAbove(String line, int level) {
        int hashes = 0;
        while (hashes < line.length() && line.charAt(hashes) == '#') {
            hashes++;
        }
        return hashes > 0 && hashes <= level && line.length() > hashes && line.charAt(hashes) == ' ';
    }

    private static Optional<Integer> indexOf(List<String> lines, String start, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The cells of a table row; a "\|" inside a cell is a literal bar. */
    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - 1);
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.replace("\\|", "|").strip());
        }
        return cells;
    }
}
