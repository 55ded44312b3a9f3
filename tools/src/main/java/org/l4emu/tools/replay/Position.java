package org.l4emu.tools.replay;

/**
 * Where a replayed run stands between two kernel steps: guest instructions retired and trace
 * events emitted so far. Runs are deterministic, so a position reached once is reached again,
 * with the same state, by replaying a fresh boot to it.
 */
public record Position(long instructions, long events) implements Comparable<Position> {
    @Override
    public int compareTo(Position other) {
        int byInstructions = Long.compare(instructions, other.instructions);
        return byInstructions != 0 ? byInstructions : Long.compare(events, other.events);
    }

    public boolean isBefore(Position other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return "instruction " + instructions + ", event " + events;
    }
}
