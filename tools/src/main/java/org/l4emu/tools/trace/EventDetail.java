package org.l4emu.tools.trace;

import java.nio.charset.StandardCharsets;
import org.l4emu.abi.Abi;

/** What an event says beyond its time, instruction count and thread; one record per kind. */
public sealed interface EventDetail {
    record ThreadStart(int entry) implements EventDetail {}

    /** {@code reason}: "exit" or "fault". */
    record ThreadExit(String reason) implements EventDetail {}

    record Syscall(int number, int[] arguments) implements EventDetail {
        /** The call's name, or "unknown_N" for a number the ABI does not define. */
        public String name() {
            String name = Abi.Syscall.name(number);
            return name != null ? name : "unknown_" + number;
        }
    }

    /** A send phase began (kind send, or forward for options 4-7); {@code block} is null without a parameter block. */
    record Send(ThreadRef to, int tag, int sendDescriptor, int[] words, ParameterBlock block) implements EventDetail {
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

    /** The event's thread received a message; {@code sender} is null for a kernel notification. */
    record Deliver(ThreadInfo sender, ThreadRef from, int tag, int dope, int[] words) implements EventDetail {
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

    record Console(byte[] bytes) implements EventDetail {
        /** The bytes as text; bytes that are not UTF-8 become U+FFFD. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    record Breakpoint(int argument) implements EventDetail {}

    record PageFault(int address, int accessBits, int instructionPointer) implements EventDetail {}

    record Mapping(TaskInfo task, int address, int rightsBits) implements EventDetail {}

    /** The event's thread entered {@code state} (see ThreadStateCodes). */
    record StateChange(String state) implements EventDetail {}

    /** The CPU switched to the event's thread (none: idle). */
    record Switch() implements EventDetail {}

    record End(int exitCode) implements EventDetail {}
}
