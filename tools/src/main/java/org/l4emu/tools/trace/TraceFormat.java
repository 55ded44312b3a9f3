package org.l4emu.tools.trace;

import java.nio.charset.StandardCharsets;

/** Constants of the binary trace format, version 2 (docs/trace-format.md). */
final class TraceFormat {
    static final byte[] MAGIC = "L4EMUTRC".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;

    /** Records that define names for later events; they carry no sequence number. */
    static final int DEFINE_TASK = 0x01;
    static final int DEFINE_THREAD = 0x02;

    static final int TASK_PRIVILEGED = 1;
    static final int TASK_MONITOR = 2;

    /** Thread index 0 on the wire means "no thread" (the kernel, or an idle CPU). */
    static final int NO_THREAD = 0;

    /** Task index 0 on the wire means "any task" (a rule's wildcard). */
    static final int ANY_TASK = 0;

    /** A rule record's operation byte. */
    static final int RULE_ADDED = 0;
    static final int RULE_REMOVED = 1;

    /** An items record's flags byte: the window is the whole space (a reply to a page fault). */
    static final int WHOLE_SPACE = 1;

    /** A map record's how byte. */
    static final int MAPPED = 0;
    static final int GRANTED = 1;

    private TraceFormat() {}

    /**
     * Options 1 and 2 read MR1 whatever the tag says (the error code, the blocked source named):
     * their send records carry it after the parameter block byte.
     */
    public static boolean readsMr1(int sendDescriptor) {
        int option = (sendDescriptor >>> 1) & 7;
        return (sendDescriptor & 1) != 0 && (option == 1 || option == 2);
    }
}
