package org.l4emu.emulator.x86;

import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.physical.NativePhysicalMemory;

/**
 * An x86 address space: its pages, kept in Java ({@link UserPages}), and, once a thread runs in
 * it, an engine ({@link PooledCpu}) whose memory regions are exactly those pages ({@link RegionMap}),
 * mapped onto their frames' host memory with the rights as region permissions. Every right is exact, read,
 * write and execute alike. Addresses from 0xC0000000 up are the kernel's and are never mapped.
 *
 * <p>A space owns {@link #DIRECTORY_FRAMES} physical frames, the four page directories real
 * IA-32 hardware would need for it (PAE paging, which execute rights require), and a frame per
 * 2 MiB with a page mapped ({@link PageTableFrames}), so that guest physical memory bounds the
 * spaces and their mappings exactly as it does on the PAE design and as it does on arm.
 */
public final class PooledAddressSpace implements AddressSpace {
    static final int DIRECTORY_FRAMES = 4;

    private final EnginePool engines;
    private final NativePhysicalMemory memory;
    private final long directoryFrames;
    private final UserPages pages = new UserPages();
    private final PageTableFrames tableFrames;
    /** The engine holding this space, or null while it holds none. */
    private PooledCpu cpu;
    /** The engine's regions, while it has one. */
    private RegionMap regions;
    /** When a thread last ran here, in the pool's count of runs. */
    private long lastRun;
    private boolean destroyed;
    /** {@link #discardTranslations} made once: each run hands it to the debug hooks (PooledMachine.run). */
    private final Runnable translationDiscarder = this::discardTranslations;

    PooledAddressSpace(EnginePool engines, NativePhysicalMemory memory, long directoryFrames) {
        this.engines = engines;
        this.memory = memory;
        this.directoryFrames = directoryFrames;
        this.tableFrames = new PageTableFrames(memory);
    }

    /** The CPU to run a thread of this space on: its engine, borrowed and filled with the pages if need be. */
    PooledCpu cpuToRun() {
        if (cpu != null) {
            engines.ran(this);
            return cpu;
        }
        PooledCpu lent = engines.lend(this);
        RegionMap filled = new RegionMap(lent, memory);
        filled.fill(pages);
        cpu = lent;
        regions = filled;
        return lent;
    }

    long lastRun() {
        return lastRun;
    }

    void setLastRun(long run) {
        lastRun = run;
    }

    /** Empties this space's engine of its pages and gives it back to the pool. */
    void releaseEngine() {
        PooledCpu held = cpu;
        regions.clear();
        held.forgetException();
        cpu = null;
        regions = null;
        engines.giveBack(this, held);
    }

    @Override
    public void map(int virtualAddress, long frame, Access rights) {
        checkAlive();
        UserPages.checkMapping(virtualAddress, frame, memory.size());
        tableFrames.ensure(Integer.toUnsignedLong(virtualAddress));
        if (regions != null) {
            long address = Integer.toUnsignedLong(virtualAddress);
            long oldFrame = pages.frame(virtualAddress);
            int protection = RegionMap.protection(rights);
            if (oldFrame == frame) {
                if (RegionMap.protection(pages.rights(virtualAddress)) != protection) {
                    regions.protect(address, protection);
                }
            } else {
                if (oldFrame >= 0) {
                    regions.unmap(address);
                }
                regions.map(address, frame, protection);
            }
        }
        pages.set(virtualAddress, frame, rights);
    }

    @Override
    public void unmap(int virtualAddress) {
        checkAlive();
        UserPages.checkUserPage(virtualAddress);
        if (pages.frame(virtualAddress) < 0) {
            return;
        }
        if (regions != null) {
            regions.unmap(Integer.toUnsignedLong(virtualAddress));
        }
        pages.clear(virtualAddress);
    }

    @Override
    public long translate(int virtualAddress) {
        checkAlive();
        return pages.translate(virtualAddress);
    }

    @Override
    public Access rights(int virtualAddress) {
        checkAlive();
        return pages.rights(virtualAddress);
    }

    /** Drops the code translated from every executable page, which host writes to frames do not. */
    void discardTranslations() {
        if (regions != null) {
            regions.discardTranslations();
        }
    }

    Runnable translationDiscarder() {
        return translationDiscarder;
    }

    /** Memory regions the engine has for this space, 0 without an engine (for the cost benchmark). */
    int regionCount() {
        return regions == null ? 0 : regions.size();
    }

    /**
     * Gives the engine back and frees the page-directory and page-table frames. The mapped frames are the
     * owner's business. After the machine closed, nothing is left to free.
     */
    @Override
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        if (engines.isClosed()) {
            return;
        }
        if (cpu != null) {
            releaseEngine();
        }
        tableFrames.free();
        memory.freeFrames(directoryFrames, DIRECTORY_FRAMES);
    }

    /** True when this space takes its engines from {@code pool}. */
    boolean belongsTo(EnginePool pool) {
        return engines == pool;
    }

    boolean isDestroyed() {
        return destroyed;
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("address space already destroyed");
        }
    }
}
