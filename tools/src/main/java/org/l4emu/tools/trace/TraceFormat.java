package org.l4emu.tools.trace;

import java.nio.charset.StandardCharsets;
import org.l4emu.kernel.ipc.MessageTag;

/** Constants of the binary trace format, version 4 (docs/trace-format.md). */
final class TraceFormat {
    static final byte[] MAGIC = "L4EMUTRC".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 4;
    /** The oldest version this l4emu still reads: version 2 differs in the encoding alone. */
    static final int OLDEST_READ = 2;
    /** The first version with the template and repeat records. */
    static final int TRAP_RECORDS = 4;
    /** The JSON form's version: version 3 changed the binary encoding, not the events or their fields. */
    static final int JSON_VERSION = 2;

    /** An event's type byte: the kind's code in the low six bits, and two flags (version 3). */
    static final int KIND_MASK = 0x3F;
    /** Flag: the event has the time and instruction count of the event before it (no deltas follow). */
    static final int SAME_INSTANT = 0x40;
    /** Flag: the event concerns the thread of the event before it (no thread number follows). */
    static final int SAME_THREAD = 0x80;

    /**
     * A syscall record's form byte: the number and the arguments follow; k from 1 to
     * {@link RecentSyscalls#DEPTH}: they are those of the k-th most recent syscall event.
     */
    static final int SYSCALL_IN_FULL = 0;

    /** A send record's form byte: to and the send descriptor follow. */
    static final int SEND_IN_FULL = 0;
    /** A send record's form byte: to and the send descriptor are the ipc arguments of the syscall event just before. */
    static final int SEND_AS_CALLED = 1;
    /** A deliver record's form byte: every field follows. */
    static final int DELIVER_IN_FULL = 0;
    /**
     * A deliver record's form byte: the message of the send event just before, from its thread,
     * whole (dope 0; the sender's tag at transfer is the tag; the kernel wrote every word).
     */
    static final int DELIVER_AS_SENT = 1;

    /** ipc's arguments (ABI section 3): to, from specifier, timeouts, send descriptor. */
    static final int IPC_TO_ARGUMENT = 0;
    static final int IPC_SEND_DESCRIPTOR_ARGUMENT = 3;

    /** Records that define names for later events; they carry no sequence number. */
    static final int DEFINE_TASK = 0x01;
    static final int DEFINE_THREAD = 0x02;
    /**
     * Version 4: the next n events (a varint) are one ipc trap, and become its thread's template:
     * its syscall, the send as called, the delivery of that message as sent, state changes, switch.
     */
    static final int TEMPLATE = 0x03;
    /**
     * Version 4: the events of a thread's template again, at a new instant (the two deltas), its
     * thread number, then the words of the send's message; the delivery carries them too.
     */
    static final int REPEAT = 0x04;

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

    /** How many message registers (MR1 on) a record carries for a message with this tag (version 3: no count on the wire). */
    static int messageWords(int tag) {
        return Math.min(MessageTag.wordCount(tag), MessageTag.MAX_WORDS);
    }

    /**
     * Options 1 and 2 read MR1 whatever the tag says (the error code, the blocked source named):
     * their send records carry it after the parameter block byte.
     */
    public static boolean readsMr1(int sendDescriptor) {
        int option = (sendDescriptor >>> 1) & 7;
        return (sendDescriptor & 1) != 0 && (option == 1 || option == 2);
    }
}
