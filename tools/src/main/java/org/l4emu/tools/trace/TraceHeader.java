package org.l4emu.tools.trace;

import org.l4emu.kernel.sched.VirtualClock;
import org.l4emu.kernel.system.SystemDescription;

/**
 * What a trace says about its run before the first event: the system's name, architecture and
 * image file (its name only: a trace never holds an absolute path, so the same run gives the same
 * bytes anywhere), and the virtual clock's rate.
 */
public record TraceHeader(int version, String system, String arch, String image, long nanosPerInstruction) {
    /** For a trace that never leaves memory (read back as it is written, by a live checker). */
    public static TraceHeader inMemory() {
        return new TraceHeader(TraceFormat.VERSION, "in-memory", "", "", VirtualClock.NANOS_PER_INSTRUCTION);
    }

    public static TraceHeader of(SystemDescription description, long nanosPerInstruction) {
        return new TraceHeader(TraceFormat.VERSION, description.name(), description.arch().xmlName(),
                description.source().getFileName().toString(), nanosPerInstruction);
    }
}
