package org.l4emu.kernel.object;

import org.l4emu.abi.Abi;

/**
 * Per-task bounds on kernel memory (P3): threads, page mappings and queued controller
 * notifications. Exceeding one is an error code for the guest, never a host allocation.
 */
public record Quotas(int threads, int mappings, int notifications) {
    public static final int DEFAULT_THREADS = Abi.Description.DEFAULT_MAX_THREADS;
    public static final int DEFAULT_MAPPINGS = Abi.Description.DEFAULT_MAX_MAPPINGS;
    public static final int DEFAULT_NOTIFICATIONS = Abi.Description.DEFAULT_MAX_NOTIFICATIONS;
    public static final Quotas DEFAULTS = new Quotas(DEFAULT_THREADS, DEFAULT_MAPPINGS, DEFAULT_NOTIFICATIONS);
}
