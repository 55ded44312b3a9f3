package org.l4emu.tools.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.kernel.object.Task;

/**
 * Code breakpoints as a debugger plants them: the instruction at the address is replaced by a
 * breakpoint instruction (ARM {@code bkpt #0} or Thumb {@code bkpt #0}) in physical memory, and
 * the original kept to be put back, to step over it and to show memory as the guest wrote it.
 * A breakpoint applies to one task or to every task that maps its address.
 */
public final class CodeBreakpoints {
    private static final byte[] ARM_BKPT = {0x70, 0x00, 0x20, (byte) 0xE1};
    private static final byte[] THUMB_BKPT = {0x00, (byte) 0xBE};

    /** A requested breakpoint; {@code task} null means every task. Bit 0 of the address is not part of it. */
    public record Breakpoint(int address, boolean thumb, String task) {}

    private record Patch(long physical, byte[] original) {}

    private final List<Breakpoint> requested = new ArrayList<>();
    private final Map<Long, Patch> patches = new HashMap<>();
    private PhysicalMemory memory;

    public List<Breakpoint> requested() {
        return List.copyOf(requested);
    }

    public boolean isEmpty() {
        return requested.isEmpty();
    }

    /** Adds a breakpoint; it takes effect at the next {@link #install}. */
    public void add(Breakpoint breakpoint) {
        if (!requested.contains(breakpoint)) {
            requested.add(breakpoint);
        }
    }

    public boolean remove(Breakpoint breakpoint) {
        return requested.remove(breakpoint);
    }

    public void clear() {
        requested.clear();
    }

    /** Writes every requested breakpoint into the tasks' code; first takes out what was planted before. */
    public void install(PhysicalMemory memory, List<Task> tasks) {
        uninstall();
        this.memory = memory;
        for (Breakpoint breakpoint : requested) {
            for (Task task : tasks) {
                if (breakpoint.task() == null || breakpoint.task().equals(task.name())) {
                    plant(task.space(), breakpoint);
                }
            }
        }
    }

    /** Puts every original instruction back (before a reboot, or when breakpoints change). */
    public void uninstall() {
        for (Patch patch : patches.values()) {
            memory.write(patch.physical(), patch.original(), 0, patch.original().length);
        }
        patches.clear();
    }

    private void plant(AddressSpace space, Breakpoint breakpoint) {
        long physical = space.translate(breakpoint.address());
        if (physical < 0 || patches.containsKey(physical)) {
            return;
        }
        byte[] instruction = breakpoint.thumb() ? THUMB_BKPT : ARM_BKPT;
        byte[] original = new byte[instruction.length];
        memory.read(physical, original, 0, original.length);
        memory.write(physical, instruction, 0, instruction.length);
        patches.put(physical, new Patch(physical, original));
    }

    /** True when the instruction at {@code address} in {@code space} is a planted breakpoint. */
    public boolean plantedAt(AddressSpace space, int address) {
        if (patches.isEmpty()) {
            return false;
        }
        long physical = space.translate(address & ~1);
        return physical >= 0 && patches.containsKey(physical);
    }

    /** Runs {@code action} with the original instruction at {@code address} back in place. */
    public <T> T withOriginal(AddressSpace space, int address, java.util.function.Supplier<T> action) {
        Patch patch = patches.get(space.translate(address & ~1));
        byte[] planted = new byte[patch.original().length];
        memory.read(patch.physical(), planted, 0, planted.length);
        memory.write(patch.physical(), patch.original(), 0, planted.length);
        try {
            return action.get();
        } finally {
            memory.write(patch.physical(), planted, 0, planted.length);
        }
    }

    /** Replaces planted breakpoint bytes in {@code bytes} (read from {@code physical}) with the originals. */
    public void hide(long physical, byte[] bytes, int offset, int length) {
        for (Patch patch : patches.values()) {
            for (int i = 0; i < patch.original().length; i++) {
                long at = patch.physical() + i - physical;
                if (at >= 0 && at < length) {
                    bytes[offset + (int) at] = patch.original()[i];
                }
            }
        }
    }
}
