package org.l4emu.tools.replay;

import org.l4emu.kernel.trace.KernelView;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.CpuContext;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.debug.DebugPoints;
import org.l4emu.emulator.debug.DebugProbe;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.tools.trace.EventKind;
import org.l4emu.tools.trace.EventText;
import org.l4emu.tools.trace.TraceEvent;
import org.l4emu.tools.trace.Words;

/**
 * The replay's debug probe: decides, inside the machine, whether a breakpoint or a watched
 * access stops the run (only while armed, for the task each point names), notes the kernel's
 * writes to watched memory and changes of its mapping, and hands the hits out at the end of the
 * kernel step. A thread stopped at a breakpoint runs its instruction when it runs next.
 */
final class ReplayProbe implements DebugProbe {
    private final DebugPointSet set;
    private final PhysicalMemory memory;
    /** Threads standing on the breakpoint they stopped at (or resume from): they execute it next. */
    private final Map<CpuContext, Integer> standing = new IdentityHashMap<>();
    private final List<Hit> hits = new ArrayList<>();
    /** Watchpoints the kernel wrote during this kernel step. */
    private final List<Watchpoint> kernelWrites = new ArrayList<>();
    /** The physical address each watchpoint's first byte had at the end of the last kernel step (-1: unmapped). */
    private final Map<Watchpoint, Long> mapped = new LinkedHashMap<>();
    private KernelView kernel;
    private boolean armed;

    ReplayProbe(DebugPointSet set, PhysicalMemory memory) {
        this.set = set;
        this.memory = memory;
    }

    /** The kernel is built: from now on kernel writes count. */
    void booted(KernelView kernel) {
        this.kernel = kernel;
        standing.clear();
        hits.clear();
        kernelWrites.clear();
        rememberMappings();
    }

    void arm(boolean on) {
        armed = on;
    }

    boolean armed() {
        return armed;
    }

    /** {@code context} stands on its breakpoint, if any, and executes it next rather than stopping. */
    void resumeFrom(CpuContext context, int codeAddress) {
        standing.put(context, codeAddress);
    }

    /** The debugger moved the thread (wrote its PC): whatever it stood on no longer counts. */
    void forget(CpuContext context) {
        standing.remove(context);
    }

    @Override
    public DebugPoints points() {
        return set.points();
    }

    @Override
    public boolean stopBefore(CpuContext context, AddressSpace space, int address) {
        Integer stoodOn = standing.remove(context);
        if (!armed || kernel == null || stoodOn != null && stoodOn == address) {
            return false;
        }
        Task task = taskOf(space);
        Thread thread = threadOf(context);
        if (task == null || thread == null || !set.hasBreakpoint(address, task.name())) {
            return false;
        }
        standing.put(context, address);
        hits.add(new Hit.Code(thread, address));
        return true;
    }

    @Override
    public boolean stopAfter(CpuContext context, AddressSpace space, int instruction, int address, int size,
                             boolean write, long value) {
        if (!armed || kernel == null) {
            return false;
        }
        Task task = taskOf(space);
        Thread thread = threadOf(context);
        if (task == null || thread == null) {
            return false;
        }
        for (Watchpoint watchpoint : set.watchpoints()) {
            if (watchpoint.task().equals(task.name()) && watchpoint.overlaps(address, size)
                    && (write ? watchpoint.kind().writes() : watchpoint.kind().reads())) {
                long before = write ? read(space, address, size) : value;
                hits.add(new Hit.Access(thread, watchpoint, instruction, address, size, write, before, value));
                return true;
            }
        }
        return false;
    }

    /** The kernel wrote physical {@code [physical, physical + length)}. */
    void kernelWrote(long physical, long length) {
        if (!armed || kernel == null) {
            return;
        }
        for (Watchpoint watchpoint : set.watchpoints()) {
            if (!watchpoint.kind().writes() || kernelWrites.contains(watchpoint)) {
                continue;
            }
            Task task = kernel.threads().task(watchpoint.task());
            if (task != null && overlapsPhysically(task.space(), watchpoint, physical, length)) {
                kernelWrites.add(watchpoint);
            }
        }
    }

    /**
     * The hits of the kernel step that just ended, the kernel's described by the step's
     * {@code events}; none while disarmed.
     */
    List<Hit> takeHits(List<TraceEvent> events) {
        if (armed && kernel != null) {
            for (Watchpoint watchpoint : set.watchpoints()) {
                Task task = kernel.threads().task(watchpoint.task());
                long now = task == null ? -1 : task.space().translate(watchpoint.address());
                Long before = mapped.get(watchpoint);
                if (kernelWrites.contains(watchpoint)) {
                    hits.add(kernelHit(task, watchpoint, events, "wrote"));
                } else if (before != null && before != now && watchpoint.kind().writes()) {
                    hits.add(kernelHit(task, watchpoint, events, now < 0 ? "unmapped" : "mapped"));
                }
            }
        }
        kernelWrites.clear();
        rememberMappings();
        List<Hit> taken = List.copyOf(hits);
        hits.clear();
        return taken;
    }

    private Hit kernelHit(Task task, Watchpoint watchpoint, List<TraceEvent> events, String what) {
        TraceEvent cause = null;
        for (TraceEvent event : events) {
            boolean inTask = event.thread() != null && task.threads().stream().anyMatch(t -> t.id() == event.thread().id());
            if (event.kind() == EventKind.DELIVER && inTask || event.kind() == EventKind.MAP) {
                cause = event;
            } else if (cause == null && event.kind().group() != EventKind.Group.DETAIL) {
                cause = event;
            }
        }
        Thread shown = task.firstThread();
        if (cause != null && cause.kind() == EventKind.DELIVER) {
            int receiver = cause.thread().id();
            shown = task.threads().stream().filter(t -> t.id() == receiver).findFirst().orElse(shown);
        }
        String word = UtcbWords.describe(task, watchpoint.address());
        String place = "watched " + Words.address(watchpoint.address()) + (word == null ? "" : " (" + word + ")")
                + " in " + task.name();
        String doing = cause == null ? "" : cause.kind() == EventKind.DELIVER
                ? "IPC delivered to " + cause.threadName() + " (" + EventText.describe(cause) + "): "
                : cause.threadName() + " " + EventText.describe(cause) + ": ";
        return new Hit.Kernel(shown, watchpoint, "kernel: " + doing + what + " " + place);
    }

    private void rememberMappings() {
        mapped.clear();
        if (kernel == null) {
            return;
        }
        for (Watchpoint watchpoint : set.watchpoints()) {
            Task task = kernel.threads().task(watchpoint.task());
            mapped.put(watchpoint, task == null ? -1L : task.space().translate(watchpoint.address()));
        }
    }

    private static boolean overlapsPhysically(AddressSpace space, Watchpoint watchpoint, long physical, long length) {
        for (int offset = 0; offset < watchpoint.length(); offset++) {
            long at = space.translate(watchpoint.address() + offset);
            if (at >= physical && at < physical + length) {
                return true;
            }
        }
        return false;
    }

    private long read(AddressSpace space, int address, int size) {
        long value = 0;
        for (int i = Math.min(size, Long.BYTES) - 1; i >= 0; i--) {
            long physical = space.translate(address + i);
            value = value << 8 | (physical < 0 ? 0 : memory.readByte(physical) & 0xFF);
        }
        return value;
    }

    private Task taskOf(AddressSpace space) {
        for (Task task : kernel.threads().tasks()) {
            if (task.space() == space) {
                return task;
            }
        }
        return null;
    }

    private Thread threadOf(CpuContext context) {
        for (Thread thread : kernel.threads().all()) {
            if (thread.context() == context) {
                return thread;
            }
        }
        return null;
    }
}
