package org.l4emu.emulator.engine;

/**
 * A use of Unicorn's private internals that buys speed. Every one has a path through the public
 * API that gives the same results; an accelerator replaces it only after a start-up check has
 * compared the two on probe code ({@link Accelerators}).
 */
public enum Accelerator {
    COUNTER("counter", "instruction counts and in-trap budgets from uc_struct (emu_counter, emu_count)"),
    FAULT_RECORD("fault-record", "fault address, status and syndrome from QEMU's exception record in uc_context"),
    LIVE_REGISTERS("live-registers", "registers read and written in QEMU's CPU state (arm: core registers, TPIDRURW, TEEHBR and a switch's TTBR0, SCR and TPIDRURO; x86: general registers and EIP)"),
    FAST_STORES("fast-stores", "stores to data pages skip Unicorn 2.0.1's dirty-page check (QEMU's TLB entries)"),
    SPACE_TLBS("space-tlbs", "each address space keeps a TLB of its own, swapped in when it enters instead of flushed"
            + " (QEMU's TLB tables and jump cache)"),
    BLOCK_TAGS("block-tags", "each address space's translated code carries a cluster index of its own, so a space that"
            + " leaves keeps its jump-cache slots (QEMU's CPUState.cluster_index; needs space-tlbs)");

    private final String key;
    private final String description;

    Accelerator(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The name in {@value Accelerators#VARIABLE} and in reports. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** The accelerator named {@code key}, or null. */
    public static Accelerator byKey(String key) {
        for (Accelerator accelerator : values()) {
            if (accelerator.key.equals(key)) {
                return accelerator;
            }
        }
        return null;
    }
}
