package org.l4emu.tools.fuzz;

/**
 * The checks a guest fuzzer thread makes of what it relies on, and how it reports one that
 * failed: kdebug breakpoint with {@link #MAGIC} | the check's number (ordinal + 1), which the
 * host turns into a violation. guest-programs/src/common/fuzz_classes.h lists the same checks in
 * this order; a guest's random breakpoints never carry the magic.
 */
public enum GuestOracle {
    MY_GLOBAL_ID("S5: a delivery changed the receiver's MyGlobalId (nothing beyond MR63 may be written)"),
    BOOT_INFO_REPLACED("S5: a mapping replaced the boot info page (kernel-owned pages never receive a mapping)"),
    BOOT_INFO_GONE("S5: the boot info page left its task (a grant or an unmap took it; kernel-owned pages stay)"),
    NO_PHASE("ipc(nilthread, nilthread) did not return at once with dope 0"),
    UNRELATED_DECEIT("R3: a deceit naming a true source no rule ties to the forwarder was accepted"),
    TASK_MEMORY("P3: physical memory ran out for a new task while the root held at most 8 of its own: the tasks it "
            + "deleted were not freed");

    /** Bits 31..16 of a guest's report; bits 15..0 are the check's number. */
    public static final int MAGIC = 0xF22A_0000;
    private static final int MAGIC_MASK = 0xFFFF_0000;

    private final String statement;

    GuestOracle(String statement) {
        this.statement = statement;
    }

    public String statement() {
        return statement;
    }

    /** The check a breakpoint argument reports, or null when the argument is no report. */
    public static GuestOracle reportedBy(int breakpointArgument) {
        if ((breakpointArgument & MAGIC_MASK) != MAGIC) {
            return null;
        }
        int number = breakpointArgument & ~MAGIC_MASK;
        return number >= 1 && number <= values().length ? values()[number - 1] : null;
    }
}
