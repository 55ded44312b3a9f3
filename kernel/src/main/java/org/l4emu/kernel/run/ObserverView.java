package org.l4emu.kernel.run;

import java.util.function.Consumer;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadDirectory;
import org.l4emu.kernel.sched.Scheduler;
import org.l4emu.kernel.sched.TimeoutQueue;
import org.l4emu.kernel.sched.VirtualTime;
import org.l4emu.kernel.trace.KernelView;

/** The kernel as observers see it: its objects' state, read only. */
public final class ObserverView implements KernelView {
    private final ThreadDirectory threads;
    private final VirtualTime clock;
    private final Scheduler scheduler;
    private final TimeoutQueue timeouts;
    private final Utcb utcb;
    private final PhysicalMemory memory;
    private final RunState state;

    public ObserverView(ThreadDirectory threads, VirtualTime clock, Scheduler scheduler, TimeoutQueue timeouts,
                        Utcb utcb, PhysicalMemory memory, RunState state) {
        this.threads = threads;
        this.clock = clock;
        this.scheduler = scheduler;
        this.timeouts = timeouts;
        this.utcb = utcb;
        this.memory = memory;
        this.state = state;
    }

    @Override
    public ThreadDirectory threads() {
        return threads;
    }

    @Override
    public VirtualTime clock() {
        return clock;
    }

    @Override
    public long instructions() {
        return state.instructions();
    }

    @Override
    public long threadStateChanges() {
        return scheduler.stateChanges();
    }

    @Override
    public Thread currentThread() {
        return scheduler.current();
    }

    @Override
    public void forEachQueued(Consumer<Thread> queuedToRun, Consumer<Thread> pendingTimeout) {
        scheduler.forEachQueued(queuedToRun);
        timeouts.forEachQueued(pendingTimeout);
    }

    @Override
    public int utcbWord(Thread thread, int index) {
        return utcb.read(thread, index);
    }

    @Override
    public int physicalWord(long address) {
        return memory.readWord(address);
    }

    @Override
    public void requestStop() {
        state.requestStop();
    }
}
