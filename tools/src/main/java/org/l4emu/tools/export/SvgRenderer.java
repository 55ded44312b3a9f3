package org.l4emu.tools.export;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws a {@link SequenceDiagram} as a standalone SVG picture: a box and lifeline per thread,
 * one row per arrow or note with its virtual time on the left, bars where a thread is blocked in
 * a send, and a legend. Text widths are estimated (no font metrics), generously.
 */
final class SvgRenderer {
    private static final int TIME_COLUMN = 96;
    private static final int MIN_COLUMN = 150;
    private static final int CHAR_WIDTH = 7;
    private static final int HEADER_TOP = 44;
    private static final int HEADER_HEIGHT = 42;
    private static final int ROW_HEIGHT = 28;
    private static final int BAR_WIDTH = 10;
    private static final int MARGIN = 16;

    private final SequenceDiagram diagram;
    private final int column;
    private final StringBuilder svg = new StringBuilder();

    private SvgRenderer(SequenceDiagram diagram) {
        this.diagram = diagram;
        int longestName = diagram.participants().stream().mapToInt(p -> p.name().length()).max().orElse(8);
        this.column = Math.max(MIN_COLUMN, longestName * CHAR_WIDTH + 40);
    }

    static void render(SequenceDiagram diagram, PrintWriter out) {
        out.print(new SvgRenderer(diagram).draw());
        out.flush();
    }

    private String draw() {
        int width = TIME_COLUMN + column * Math.max(1, diagram.participants().size()) + MARGIN;
        int rowsTop = HEADER_TOP + HEADER_HEIGHT + 24;
        int rowsBottom = rowsTop + ROW_HEIGHT * diagram.items().size();
        int legendTop = rowsBottom + 30;
        int height = legendTop + 24 * ((SequenceDiagram.Style.values().length + 2) / 3) + 20;
        svg.append(String.format(Locale.ROOT, """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" \
                font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">
                <title>%s</title>
                <defs>
                """, width, height, width, height, escape("l4emu trace of " + diagram.title())));
        for (SequenceDiagram.Style style : SequenceDiagram.Style.values()) {
            svg.append(String.format(Locale.ROOT, "<marker id=\"head-%s\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                    + "markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
                    + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>%n", marker(style), color(style)));
        }
        svg.append("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(MARGIN, 26, "start", "l4emu trace of " + diagram.title(), "font-size=\"16\" font-weight=\"bold\"");
        text(MARGIN, rowsTop - 8, "start", "virtual time", "fill=\"#6b7280\"");
        for (int i = 0; i < diagram.participants().size(); i++) {
            lifeline(i, rowsTop - 20, rowsBottom + 8);
        }
        for (SequenceDiagram.Bar bar : diagram.bars()) {
            int top = rowsTop + ROW_HEIGHT * bar.fromRow() - 6;
            int bottom = rowsTop + ROW_HEIGHT * (bar.toRow() - 1) + ROW_HEIGHT / 2;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fde68a\" "
                    + "stroke=\"#d97706\"><title>%s</title></rect>%n", center(bar.participant()) - BAR_WIDTH / 2, top,
                    BAR_WIDTH, Math.max(8, bottom - top), escape("blocked: " + bar.state().replace('_', ' '))));
        }
        for (int row = 0; row < diagram.items().size(); row++) {
            item(diagram.items().get(row), rowsTop + ROW_HEIGHT * row + ROW_HEIGHT / 2);
        }
        if (diagram.truncated()) {
            text(MARGIN, rowsBottom + 18, "start", "... cut short: more events follow (raise --limit)", "fill=\"#b91c1c\"");
        }
        legend(legendTop);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void lifeline(int index, int top, int bottom) {
        SequenceDiagram.Participant participant = diagram.participants().get(index);
        int x = center(index);
        String fill = switch (participant.role()) {
            case MONITOR -> "#ede9fe";
            case KERNEL -> "#ffedd5";
            case THREAD -> "#e0f2fe";
        };
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#9ca3af\" "
                + "stroke-dasharray=\"4 4\"/>%n", x, top, x, bottom));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" "
                + "stroke=\"#374151\"/>%n", x - column / 2 + 8, HEADER_TOP, column - 16, HEADER_HEIGHT, fill));
        text(x, HEADER_TOP + 18, "middle", participant.name(), "font-weight=\"bold\"");
        text(x, HEADER_TOP + 34, "middle", participant.subtitle(), "font-size=\"10\" fill=\"#4b5563\"");
    }

    private void item(SequenceDiagram.Item item, int y) {
        text(TIME_COLUMN - 12, y + 4, "end", String.format(Locale.ROOT, "%.3f us", item.timeNanos() / 1000.0),
                "fill=\"#6b7280\" font-size=\"11\"");
        switch (item) {
            case SequenceDiagram.Arrow arrow -> arrow(arrow, y);
            case SequenceDiagram.Note note -> note(note, y);
        }
    }

    private void arrow(SequenceDiagram.Arrow arrow, int y) {
        int from = center(arrow.from());
        int to = center(arrow.to());
        String color = color(arrow.style());
        String dash = arrow.style() == SequenceDiagram.Style.NOTIFICATION || arrow.style() == SequenceDiagram.Style.OPTION
                ? " stroke-dasharray=\"6 3\"" : "";
        String title = "<title>" + escape("event " + arrow.seq() + ": " + arrow.label()) + "</title>";
        if (from == to) {
            svg.append(String.format(Locale.ROOT, "<path d=\"M%d,%d h30 v10 h-30\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"1.5\"%s marker-end=\"url(#head-%s)\">%s</path>%n", from, y - 6, color, dash,
                    marker(arrow.style()), title));
            text(from + 36, y + 2, "start", arrow.label(), "fill=\"" + color + "\"");
            return;
        }
        int end = to + (to > from ? -BAR_WIDTH / 2 : BAR_WIDTH / 2);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"1.5\"%s marker-end=\"url(#head-%s)\">%s</line>%n", from, y + 4, end, y + 4, color, dash,
                marker(arrow.style()), title));
        int left = Math.min(from, to);
        text(left + 8, y - 1, "start", arrow.label(), "fill=\"" + color + "\" class=\"label\"");
    }

    private void note(SequenceDiagram.Note note, int y) {
        int x = center(note.over());
        int width = Math.max(60, note.text().length() * CHAR_WIDTH + 16);
        String fill = switch (note.style()) {
            case ERROR -> "#fee2e2";
            case CONSOLE -> "#fefce8";
            default -> "#f3f4f6";
        };
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\" rx=\"3\" fill=\"%s\" "
                + "stroke=\"%s\"/>%n", x - 12, y - 10, width, fill, color(note.style())));
        text(x - 4, y + 4, "start", note.text(), "fill=\"" + color(note.style()) + "\"");
    }

    private void legend(int top) {
        text(MARGIN, top, "start", "legend", "font-weight=\"bold\"");
        SequenceDiagram.Style[] styles = SequenceDiagram.Style.values();
        int columnWidth = 300;
        for (int i = 0; i < styles.length; i++) {
            int x = MARGIN + (i % 3) * columnWidth;
            int y = top + 20 + 24 * (i / 3);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\" marker-end=\"url(#head-%s)\"/>%n", x, y - 4, x + 36, y - 4, color(styles[i]),
                    marker(styles[i])));
            text(x + 44, y, "start", styles[i].meaning, "");
        }
        int x = MARGIN + (styles.length % 3) * columnWidth;
        int y = top + 20 + 24 * (styles.length / 3);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"#fde68a\" "
                + "stroke=\"#d97706\"/>%n", x + 14, y - 12, BAR_WIDTH));
        text(x + 44, y, "start", "blocked in a send (until final delivery or release)", "");
    }

    private int center(int participant) {
        return TIME_COLUMN + column * participant + column / 2;
    }

    private void text(int x, int y, String anchor, String content, String attributes) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" %s>%s</text>%n", x, y, anchor,
                attributes, escape(content)));
    }

    private static String marker(SequenceDiagram.Style style) {
        return style.name().toLowerCase(Locale.ROOT);
    }

    private static String color(SequenceDiagram.Style style) {
        return switch (style) {
            case MESSAGE -> "#111827";
            case REDIRECTED -> "#2563eb";
            case FORWARDED -> "#7c3aed";
            case NOTIFICATION -> "#ea580c";
            case OPTION -> "#059669";
            case ERROR -> "#dc2626";
            case INFO -> "#4b5563";
            case CONSOLE -> "#854d0e";
        };
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c < 0x20 ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
