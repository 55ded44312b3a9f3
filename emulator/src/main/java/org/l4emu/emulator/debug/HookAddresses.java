package org.l4emu.emulator.debug;

/**
 * The kind of address an engine's memory hooks report and filter on, found at start-up by each
 * machine running one load through a page that maps elsewhere. Unicorn 2.0.1 reports the
 * virtual address; 2.1 reports the physical one (its memory hooks sit behind the TLB lookup,
 * on the address the access resolved to), and applies a hook's range to it. Code hooks see the
 * virtual PC in both.
 */
public enum HookAddresses {
    VIRTUAL,
    PHYSICAL
}
