package org.l4emu.tools.export;

import java.util.List;

/**
 * A sequence diagram of a trace, independent of how it is drawn: lifelines, then rows of arrows
 * and notes in event order, and bars where a thread is blocked in a send.
 */
record SequenceDiagram(String title, List<Participant> participants, List<Item> items, List<Bar> bars,
                       boolean truncated) {

    enum Role { THREAD, MONITOR, KERNEL }

    record Participant(String name, String subtitle, Role role) {}

    /** How an arrow or note is drawn; the legend explains each. */
    enum Style {
        MESSAGE("message"),
        REDIRECTED("redirected to a monitor (R)"),
        FORWARDED("delivered by a monitor on the source's behalf"),
        NOTIFICATION("controller notification"),
        OPTION("monitor option (unblocking, error)"),
        ERROR("error or timeout"),
        INFO("kernel event"),
        CONSOLE("console output");

        final String meaning;

        Style(String meaning) {
            this.meaning = meaning;
        }
    }

    sealed interface Item {
        long timeNanos();

        long seq();

        Style style();
    }

    record Arrow(int from, int to, String label, Style style, long timeNanos, long seq) implements Item {}

    record Note(int over, String text, Style style, long timeNanos, long seq) implements Item {}

    /** Participant {@code participant} is blocked in a send from row {@code fromRow} up to, not including, {@code toRow}. */
    record Bar(int participant, int fromRow, int toRow, String state) {}
}
