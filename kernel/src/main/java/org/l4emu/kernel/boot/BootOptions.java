package org.l4emu.kernel.boot;

/**
 * Options of one boot. {@code maxTimeMicros} overrides the description's limit when not
 * {@link #FROM_DESCRIPTION}; {@code maxInstructions} is {@link #UNLIMITED} by default.
 */
public record BootOptions(long maxTimeMicros, long maxInstructions, boolean stopOnFault, boolean quiet) {
    public static final long FROM_DESCRIPTION = -1;
    public static final long UNLIMITED = -1;
    public static final BootOptions DEFAULTS = new BootOptions(FROM_DESCRIPTION, UNLIMITED, false, false);
}
