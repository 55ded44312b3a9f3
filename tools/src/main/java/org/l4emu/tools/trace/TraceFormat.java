package org.l4emu.tools.trace;

import java.nio.charset.StandardCharsets;

/** Constants of the binary trace format, version 1 (docs/trace-format.md). */
final class TraceFormat {
    static final byte[] MAGIC = "L4EMUTRC".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;

    /** Records that define names for later events; they carry no sequence number. */
    static final int DEFINE_TASK = 0x01;
    static final int DEFINE_THREAD = 0x02;

    static final int TASK_PRIVILEGED = 1;
    static final int TASK_MONITOR = 2;

    /** Thread index 0 on the wire means "no thread" (the kernel, or an idle CPU). */
    static final int NO_THREAD = 0;

    private TraceFormat() {}
}
