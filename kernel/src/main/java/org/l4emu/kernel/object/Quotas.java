package org.l4emu.kernel.object;

/**
 * Per-task bounds on kernel memory (P3): threads, page mappings and queued controller
 * notifications. Exceeding one is an error code for the guest, never a host allocation.
 */
public record Quotas(int threads, int mappings, int notifications) {
    public static final int DEFAULT_THREADS = 1024;
    public static final int DEFAULT_MAPPINGS = 65536;
    public static final int DEFAULT_NOTIFICATIONS = 64;
    public static final Quotas DEFAULTS = new Quotas(DEFAULT_THREADS, DEFAULT_MAPPINGS, DEFAULT_NOTIFICATIONS);
}
