package org.l4emu.tools.replay;

/** A code breakpoint at an instruction address (without mode bits) in one task, or in every task when null. */
public record CodeBreakpoint(int address, String task) {
    public boolean appliesTo(String taskName) {
        return task == null || task.equals(taskName);
    }
}
