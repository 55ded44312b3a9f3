package org.l4emu.tools.replay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.l4emu.emulator.debug.DebugPoints;

/** The code breakpoints and watchpoints a debugger has set; they survive reboots of the replay. */
public final class DebugPointSet {
    private final List<CodeBreakpoint> breakpoints = new ArrayList<>();
    private final List<Watchpoint> watchpoints = new ArrayList<>();

    public List<CodeBreakpoint> breakpoints() {
        return List.copyOf(breakpoints);
    }

    public List<Watchpoint> watchpoints() {
        return List.copyOf(watchpoints);
    }

    public void add(CodeBreakpoint breakpoint) {
        if (!breakpoints.contains(breakpoint)) {
            breakpoints.add(breakpoint);
        }
    }

    public void add(Watchpoint watchpoint) {
        if (!watchpoints.contains(watchpoint)) {
            watchpoints.add(watchpoint);
        }
    }

    public boolean remove(CodeBreakpoint breakpoint) {
        return breakpoints.remove(breakpoint);
    }

    public boolean remove(Watchpoint watchpoint) {
        return watchpoints.remove(watchpoint);
    }

    /** What the machine must hook: every breakpoint address and watched range, of any task. */
    DebugPoints points() {
        Set<Integer> code = new HashSet<>();
        breakpoints.forEach(b -> code.add(b.address()));
        return new DebugPoints(code, watchpoints.stream().map(Watchpoint::range).toList());
    }

    boolean hasBreakpoint(int address, String task) {
        return breakpoints.stream().anyMatch(b -> b.address() == address && b.appliesTo(task));
    }
}
