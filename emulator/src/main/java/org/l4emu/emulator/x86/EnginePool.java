package org.l4emu.emulator.x86;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The engines ({@link PooledCpu}) of one machine, lent to address spaces. A space gets one when a
 * thread first runs in it, so spaces that never run (created and left halted) cost no engine.
 * At most {@link #MAX_ENGINES} exist: each holds a few MiB of host memory, and a guest may
 * create tens of thousands of spaces. Past the limit, the space that ran least recently gives
 * its engine back (its pages are unmapped from it, the CPU state reset) and gets another when
 * it runs again. Engines of destroyed spaces are reused the same way rather than closed, as
 * opening one costs milliseconds.
 */
final class EnginePool implements AutoCloseable {
    static final int MAX_ENGINES = 32;

    private final X86Counting counting;
    private final List<PooledCpu> all = new ArrayList<>();
    private final ArrayDeque<PooledCpu> idle = new ArrayDeque<>();
    /** Spaces holding an engine: at most {@link #MAX_ENGINES}, so the least recently run is a short scan away. */
    private final List<PooledAddressSpace> holders = new ArrayList<>();
    /** Counts runs, so that each space's last run has a number; the run path allocates nothing. */
    private long runs;
    private boolean closed;

    /** Opens the first engine, which decides how all count instructions. */
    EnginePool() {
        PooledCpu first = new PooledCpu(null);
        counting = first.countingFound();
        all.add(first);
        idle.push(first);
    }

    /** How the engines count instructions. */
    X86Counting counting() {
        return counting;
    }

    /** Engines open now, idle or held. */
    int engines() {
        return all.size();
    }

    boolean isClosed() {
        return closed;
    }

    /** Spaces that hold an engine now. */
    Iterable<PooledAddressSpace> holders() {
        return holders;
    }

    /** An engine with no user pages for {@code space}, which now holds it. */
    PooledCpu lend(PooledAddressSpace space) {
        PooledCpu cpu = idle.poll();
        if (cpu == null) {
            cpu = all.size() < MAX_ENGINES ? open() : reclaimLeastRecent();
        }
        holders.add(space);
        ran(space);
        return cpu;
    }

    /** {@code space} is about to run: it becomes the last to give its engine back. */
    void ran(PooledAddressSpace space) {
        space.setLastRun(++runs);
    }

    /** Takes back the engine of {@code space}, which it already emptied of its pages. */
    void giveBack(PooledAddressSpace space, PooledCpu cpu) {
        holders.remove(space);
        idle.push(cpu);
    }

    private PooledCpu open() {
        PooledCpu cpu = new PooledCpu(counting);
        all.add(cpu);
        return cpu;
    }

    private PooledCpu reclaimLeastRecent() {
        PooledAddressSpace victim = holders.getFirst();
        for (PooledAddressSpace holder : holders) {
            if (holder.lastRun() < victim.lastRun()) {
                victim = holder;
            }
        }
        victim.releaseEngine();
        return idle.pop();
    }

    /** Closes every engine, held or idle; the spaces holding them can no longer run. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (PooledCpu cpu : all) {
            try {
                cpu.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
