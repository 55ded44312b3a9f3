package org.l4emu.kernel.object;

import java.util.ArrayList;
import java.util.List;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.kernel.memory.UserLayout;

/** A task: one address space, its threads and its privileges. */
public final class Task {
    private final String name;
    private final AddressSpace space;
    private final boolean privileged;
    private final boolean monitor;
    private final Quotas quotas;
    private final List<Thread> threads = new ArrayList<>();
    private int nextUtcbSlot;
    private final java.util.Set<Integer> utcbPages = new java.util.HashSet<>();

    public Task(String name, AddressSpace space, boolean privileged, boolean monitor, Quotas quotas) {
        this.name = name;
        this.space = space;
        this.privileged = privileged;
        this.monitor = monitor;
        this.quotas = quotas;
    }

    public Quotas quotas() {
        return quotas;
    }

    /** Threads of this task that have not exited. */
    public long liveThreads() {
        return threads.stream().filter(Thread::isAlive).count();
    }

    public String name() {
        return name;
    }

    public AddressSpace space() {
        return space;
    }

    public boolean privileged() {
        return privileged;
    }

    public boolean monitor() {
        return monitor;
    }

    public List<Thread> threads() {
        return threads;
    }

    public Thread firstThread() {
        return threads.getFirst();
    }

    void addThread(Thread thread) {
        threads.add(thread);
    }

    void removeThread(Thread thread) {
        threads.remove(thread);
    }

    /** Records that the page at {@code page} holds UTCBs: mappings never replace or remove it. */
    public void addUtcbPage(int page) {
        utcbPages.add(page);
    }

    public boolean isUtcbPage(int page) {
        return utcbPages.contains(page);
    }

    /**
     * True for the pages the kernel owns in this task, its UTCB pages and the boot info area
     * (from 0xBFFF0000 to the end of user memory): no mapping lands on them and none is taken
     * from them (S5).
     */
    public boolean isKernelPage(int page) {
        return Integer.compareUnsigned(page, UserLayout.BOOT_INFO) >= 0 || utcbPages.contains(page);
    }

    /** Hands out UTCB slots in creation order; slot i lies at {@code UTCB_AREA + 512 * i}. */
    public int takeUtcbSlot() {
        return nextUtcbSlot++;
    }

    @Override
    public String toString() {
        return name;
    }
}
