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
}
