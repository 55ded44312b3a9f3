package org.l4emu.emulator.x86;

import java.util.Map;
import java.util.TreeMap;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.physical.NativePhysicalMemory;
import org.l4emu.emulator.unicorn.UcProt;

/**
 * The memory regions an engine has for its space's pages. Each Unicorn region operation
 * rebuilds QEMU's memory map, in time growing with the number of regions, so pages adjacent
 * both in virtual and in physical memory, with the same protection, share one region: an ELF
 * segment, a stack or a run of pages faulted in one after the other is one region, whatever its
 * size. Unicorn splits a region itself when a page in it is unmapped or changes protection.
 *
 * <p>Unicorn keys translated code by a region's place in its RAM list, which a region mapped
 * later may take over, and it re-creates regions it splits; so before any operation that removes
 * or splits an executable region, the code translated from it is dropped.
 */
final class RegionMap {
    private static final long PAGE = KernelLayout.PAGE_SIZE;

    private record Region(long start, long end, long frame, int protection) {
        long size() {
            return end - start;
        }

        long frameAt(long address) {
            return frame + (address - start);
        }

        boolean executable() {
            return (protection & UcProt.EXEC) != 0;
        }
    }

    private final PooledCpu cpu;
    private final NativePhysicalMemory memory;
    private final TreeMap<Long, Region> regions = new TreeMap<>();

    RegionMap(PooledCpu cpu, NativePhysicalMemory memory) {
        this.cpu = cpu;
        this.memory = memory;
    }

    /**
     * The region permissions for {@code rights}: the same superset paging gives (and arm's
     * page tables), so that guests see one behaviour on every design: write and execute imply
     * read.
     */
    static int protection(Access rights) {
        return (rights.bits() != 0 ? UcProt.READ : 0) | (rights.writable() ? UcProt.WRITE : 0)
                | (rights.executable() ? UcProt.EXEC : 0);
    }

    /** Maps every page of {@code pages}, one region per run. */
    void fill(UserPages pages) {
        Region[] run = new Region[1];
        pages.forEach((virtualAddress, frame, rights) -> {
            long address = Integer.toUnsignedLong(virtualAddress);
            int protection = protection(rights);
            Region current = run[0];
            if (current != null && current.end == address && current.frameAt(address) == frame
                    && current.protection == protection) {
                run[0] = new Region(current.start, address + PAGE, current.frame, protection);
                return;
            }
            if (current != null) {
                add(current);
            }
            run[0] = new Region(address, address + PAGE, frame, protection);
        });
        if (run[0] != null) {
            add(run[0]);
        }
    }

    /** Maps the unmapped page at {@code address} onto {@code frame}, joining the regions around it when it can. */
    void map(long address, long frame, int protection) {
        long start = address;
        long end = address + PAGE;
        long firstFrame = frame;
        Region left = containing(address - 1);
        if (left != null && left.frameAt(address) == frame && left.protection == protection) {
            remove(left);
            start = left.start;
            firstFrame = left.frame;
        }
        Region right = regions.get(end);
        if (right != null && right.frame == frame + PAGE && right.protection == protection) {
            remove(right);
            end = right.end;
        }
        add(new Region(start, end, firstFrame, protection));
    }

    /** Unmaps the mapped page at {@code address}. */
    void unmap(long address) {
        Region region = dropCodeOfRegionAt(address);
        cpu.unmapRange(address, PAGE);
        regions.remove(region.start);
        keepPiece(region, region.start, address);
        keepPiece(region, address + PAGE, region.end);
    }

    /** Changes the protection of the mapped page at {@code address}. */
    void protect(long address, int protection) {
        Region region = dropCodeOfRegionAt(address);
        cpu.protectRange(address, PAGE, protection);
        regions.remove(region.start);
        keepPiece(region, region.start, address);
        regions.put(address, new Region(address, address + PAGE, region.frameAt(address), protection));
        keepPiece(region, address + PAGE, region.end);
    }

    /** Unmaps everything. */
    void clear() {
        for (Region region : regions.values()) {
            if (region.executable()) {
                cpu.discardTranslations(region.start, region.size());
            }
            cpu.unmapRange(region.start, region.size());
        }
        regions.clear();
    }

    /** Drops the code translated from every executable region, which host writes to frames do not. */
    void discardTranslations() {
        for (Region region : regions.values()) {
            if (region.executable()) {
                cpu.discardTranslations(region.start, region.size());
            }
        }
    }

    /** Regions the engine has now. */
    int size() {
        return regions.size();
    }

    private Region dropCodeOfRegionAt(long address) {
        Region region = containing(address);
        if (region == null) {
            throw new IllegalStateException("no region holds 0x" + Long.toHexString(address));
        }
        if (region.executable()) {
            cpu.discardTranslations(region.start, region.size());
        }
        return region;
    }

    /** Records the part {@code [start, end)} of a region Unicorn split, if not empty. */
    private void keepPiece(Region split, long start, long end) {
        if (start < end) {
            regions.put(start, new Region(start, end, split.frameAt(start), split.protection));
        }
    }

    private void remove(Region region) {
        if (region.executable()) {
            cpu.discardTranslations(region.start, region.size());
        }
        cpu.unmapRange(region.start, region.size());
        regions.remove(region.start);
    }

    private void add(Region region) {
        cpu.mapRange(region.start, region.size(), memory.hostSlice(region.frame, region.size()), region.protection);
        regions.put(region.start, region);
    }

    private Region containing(long address) {
        Map.Entry<Long, Region> entry = regions.floorEntry(address);
        return entry != null && address < entry.getValue().end ? entry.getValue() : null;
    }
}
