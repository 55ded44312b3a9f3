package org.l4emu.tools.export;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link SequenceDiagram} as Mermaid {@code sequenceDiagram} text. Participants get short
 * IDs with their thread names as aliases (thread names may hold dots); bars become activations.
 */
final class MermaidRenderer {
    private MermaidRenderer() {}

    static void render(SequenceDiagram diagram, PrintWriter out) {
        out.println("%% l4emu trace of " + diagram.title());
        out.println("sequenceDiagram");
        for (int i = 0; i < diagram.participants().size(); i++) {
            SequenceDiagram.Participant participant = diagram.participants().get(i);
            out.println("    participant " + id(i) + " as " + text(participant.name()));
        }
        List<List<String>> before = new ArrayList<>();
        for (int row = 0; row <= diagram.items().size(); row++) {
            before.add(new ArrayList<>());
        }
        for (SequenceDiagram.Bar bar : diagram.bars()) {
            before.get(bar.fromRow()).add("    activate " + id(bar.participant()));
            before.get(bar.toRow()).addFirst("    deactivate " + id(bar.participant()));
        }
        for (int row = 0; row < diagram.items().size(); row++) {
            before.get(row).forEach(out::println);
            out.println(line(diagram.items().get(row)));
        }
        before.get(diagram.items().size()).forEach(out::println);
        if (diagram.truncated()) {
            out.println("    Note over " + id(0) + ": (diagram cut short, see --limit)");
        }
        out.flush();
    }

    private static String line(SequenceDiagram.Item item) {
        String time = String.format(Locale.ROOT, "%.3f us ", item.timeNanos() / 1000.0);
        return switch (item) {
            case SequenceDiagram.Arrow arrow -> "    " + id(arrow.from()) + arrow(arrow.style()) + id(arrow.to()) + ": "
                    + text(time + arrow.label());
            case SequenceDiagram.Note note -> "    Note over " + id(note.over()) + ": " + text(time + note.text());
        };
    }

    private static String arrow(SequenceDiagram.Style style) {
        return switch (style) {
            case NOTIFICATION -> "-->>";
            case OPTION -> "-)";
            default -> "->>";
        };
    }

    private static String id(int index) {
        return "p" + (index + 1);
    }

    /** Mermaid ends a message at ';' and reads '#' as an entity: both are replaced. */
    private static String text(String raw) {
        return raw.replace(';', ',').replace('#', 'n').replace('\n', ' ');
    }
}
