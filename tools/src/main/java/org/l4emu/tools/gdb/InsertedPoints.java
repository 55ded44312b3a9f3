package org.l4emu.tools.gdb;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.l4emu.tools.replay.CodeBreakpoint;
import org.l4emu.tools.replay.DebugPointSet;
import org.l4emu.tools.replay.Watchpoint;

/**
 * The breakpoints and watchpoints a debugger inserted, under the key of its packet (type,
 * address, kind), so that a 'z' removes exactly what its 'Z' inserted. GDB removes its points at
 * each stop and inserts them again on resuming: a watchpoint is in the task of the thread
 * selected when it was inserted, which a stop in another task's thread changes before the
 * removal comes. Two keys may insert the same point (a breakpoint and a hardware breakpoint at
 * one address): it stays until both are removed.
 */
final class InsertedPoints {
    private final DebugPointSet points;
    private final Map<String, CodeBreakpoint> breakpoints = new HashMap<>();
    private final Map<String, Watchpoint> watchpoints = new HashMap<>();

    InsertedPoints(DebugPointSet points) {
        this.points = points;
    }

    void insert(String key, CodeBreakpoint breakpoint) {
        remove(key);
        breakpoints.put(key, breakpoint);
        points.add(breakpoint);
    }

    void insert(String key, Watchpoint watchpoint) {
        remove(key);
        watchpoints.put(key, watchpoint);
        points.add(watchpoint);
    }

    /** Removes what {@code key} inserted, if anything. */
    void remove(String key) {
        remove(breakpoints, key, points::remove);
        remove(watchpoints, key, points::remove);
    }

    private static <P> void remove(Map<String, P> inserted, String key, Consumer<P> removal) {
        P point = inserted.remove(key);
        if (point != null && !inserted.containsValue(point)) {
            removal.accept(point);
        }
    }
}
