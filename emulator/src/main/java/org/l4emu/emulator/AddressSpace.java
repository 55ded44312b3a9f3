package org.l4emu.emulator;

/**
 * One guest virtual address space: a translation from 4 KiB virtual pages to physical frames
 * with access rights, as the CPU sees it in user mode. Page granularity only; the owner
 * (the kernel) decides policy.
 */
public interface AddressSpace {
    /** Maps the page at {@code virtualAddress} (page aligned) to {@code frame}, replacing any mapping. */
    void map(int virtualAddress, long frame, Access rights);

    /** Removes the page's mapping; a no-op when none exists. */
    void unmap(int virtualAddress);

    /** The physical address {@code virtualAddress} translates to, or -1 when unmapped. */
    long translate(int virtualAddress);

    /** The rights of the page holding {@code virtualAddress}, {@link Access#NONE} when unmapped. */
    Access rights(int virtualAddress);

    /** Releases the translation structures. The frames mapped are the owner's business. */
    void destroy();

    /**
     * The check every space makes of an address to map or unmap: page aligned and below
     * {@code userLimit}, the first kernel address; an {@link IllegalArgumentException} otherwise.
     */
    static void requireUserPage(int virtualAddress, long userLimit) {
        if ((virtualAddress & (PhysicalMemory.PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException("virtual address 0x" + Integer.toHexString(virtualAddress)
                    + " is not page aligned");
        }
        if (Integer.toUnsignedLong(virtualAddress) >= userLimit) {
            throw new IllegalArgumentException("virtual address 0x" + Integer.toHexString(virtualAddress)
                    + " is in the kernel's range");
        }
    }
}
