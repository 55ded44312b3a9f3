package org.l4emu.tools.trace;

import java.nio.charset.StandardCharsets;
import org.l4emu.abi.Abi;

/** What an event says beyond its time, instruction count and thread; one record per kind. */
public sealed interface EventDetail {
    record ThreadStart(int entry) implements EventDetail {}

    /** {@code reason}: "exit" or "fault". */
    record ThreadExit(String reason) implements EventDetail {}

    /** A system call's name, or "unknown_N" for a number the ABI does not define. */
    private static String syscallName(int number) {
        String name = Abi.Syscall.name(number);
        return name != null ? name : "unknown_" + number;
    }

    record Syscall(int number, int[] arguments) implements EventDetail {
        /** The call's name, or "unknown_N" for a number the ABI does not define. */
        public String name() {
            return syscallName(number);
        }
    }

    /**
     * A send phase began (kind send, or forward for options 4-7); {@code block} is null without a
     * parameter block; {@code mr1}: for options 1 and 2, MR1 as the kernel reads it whatever the
     * tag says (the error code, the blocked source named), else 0.
     */
    record Send(ThreadRef to, int tag, int sendDescriptor, int[] words, ParameterBlock block, int mr1)
            implements EventDetail {
        public Message message() {
            return new Message(tag, words);
        }

        /** The option sent, or null for a plain send. */
        public IpcOption option() {
            return IpcOption.ofSendDescriptor(sendDescriptor);
        }
    }

    /** The words at a send descriptor's parameter block (ABI section 3). */
    record ParameterBlock(ThreadRef trueSource, ThreadRef blockedSource, ThreadRef controllingMonitor, int delayMicros) {}

    record Redirect(ThreadRef trueSource, ThreadInfo intendedReceiver, ThreadInfo monitor, String monitorClass)
            implements EventDetail {}

    /**
     * The event's thread received a message; {@code sender} is null for a kernel notification.
     * {@code senderTag} is MR0 as the kernel read it from the sender at transfer, and the kernel
     * wrote MR0..MR{@code wordsWritten} into the receiver's UTCB ({@link #UNKNOWN} if it did not say).
     */
    record Deliver(ThreadInfo sender, ThreadRef from, int tag, int dope, int[] words, int senderTag, int wordsWritten)
            implements EventDetail {
        public static final int UNKNOWN = -1;

        public Message message() {
            return new Message(tag, words);
        }

        public DopeBits dopeBits() {
            return new DopeBits(dope);
        }
    }

    /** A blocked source's send ended after monitors: released (dope 0) or failed. */
    record Unblock(int dope, String cause) implements EventDetail {}

    record Notify(ThreadRef blockedSource, ThreadRef trueSource, ThreadRef finalReceiver, int errorCode)
            implements EventDetail {}

    /** An IPC of the event's thread failed (kind error, or timeout for error 1). */
    record Failure(int dope) implements EventDetail {}

    /** A system call other than ipc set its result register to {@code error}, not 0 (P2). */
    record SyscallError(int number, int error) implements EventDetail {
        public String name() {
            return syscallName(number);
        }

        public String describe() {
            return name() + " fails: error " + error + " " + DopeBits.errorName(error);
        }
    }

    record Console(byte[] bytes) implements EventDetail {
        /** The bytes as text; bytes that are not UTF-8 become U+FFFD. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    record Breakpoint(int argument) implements EventDetail {}

    record PageFault(int address, int accessBits, int instructionPointer) implements EventDetail {}

    /**
     * A map or grant item placed {@code sourceTask}'s page at {@code sourceAddress} in {@code task}
     * at {@code address}, with {@code rightsBits}; a grant moved it.
     */
    record Mapping(TaskInfo task, int address, int rightsBits, boolean grant, TaskInfo sourceTask, int sourceAddress)
            implements EventDetail {}

    /** The kernel mapped a page of its own into {@code task}: at boot, for sigma0, a UTCB or the boot info page. */
    record KernelMapping(TaskInfo task, int address, int rightsBits) implements EventDetail {}

    /** Rights were revoked from {@code task}'s page at {@code address}; {@code rightsLeft} remain (0: gone). */
    record Unmapping(TaskInfo task, int address, int rightsLeft) implements EventDetail {}

    /**
     * A redirection rule was added ({@code monitorClass} given) or removed (null); a null task is
     * any task (R1).
     */
    record Rule(boolean added, TaskInfo source, TaskInfo dest, ThreadInfo monitor, String monitorClass)
            implements EventDetail {}

    /** An allow rule: {@code source} may send to {@code dest} (P1). */
    record Allow(TaskInfo source, TaskInfo dest) implements EventDetail {}

    /** thread_control created the event's thread (halted). */
    record ThreadCreated() implements EventDetail {}

    /** The kernel starts a page-fault or exception IPC for the event's thread to {@code handler} (S6). */
    record FaultIpc(ThreadRef handler) implements EventDetail {}

    /**
     * {@code sender}'s typed items are applied to the event's thread's space: through the
     * receive window {@code window} (BR0 as read at transfer), or anywhere ({@code wholeSpace});
     * {@code items}: the typed words as read at transfer, pairs of send base word and fpage.
     */
    record Items(ThreadInfo sender, boolean wholeSpace, int window, int[] items) implements EventDetail {}

    /** The event's thread's IPC timeout now expires at {@code deadlineNanos} (virtual time), or none ({@link #NONE}). */
    record Deadline(long deadlineNanos) implements EventDetail {
        public static final long NONE = 0;
    }

    /** The event's thread entered {@code state} (see ThreadStateCodes). */
    record StateChange(String state) implements EventDetail {}

    /** The CPU switched to the event's thread (none: idle). */
    record Switch() implements EventDetail {}

    record End(int exitCode) implements EventDetail {}
}
