package org.l4emu.tools.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.l4emu.abi.Abi;

/** One line of plain words for an event, as tables and the stepper show it. */
public final class EventText {
    private EventText() {}

    public static String describe(TraceEvent event) {
        return switch (event.detail()) {
            case EventDetail.ThreadStart start -> "starts at " + Words.address(start.entry());
            case EventDetail.ThreadExit exit -> "exits (" + exit.reason() + ")";
            case EventDetail.Syscall syscall -> syscall(syscall);
            case EventDetail.Send send -> send(event.kind(), send);
            case EventDetail.Redirect redirect -> "message from " + redirect.trueSource() + " for "
                    + redirect.intendedReceiver() + " goes to monitor " + redirect.monitor() + " ("
                    + redirect.monitorClass() + ")";
            case EventDetail.Deliver deliver -> deliver(deliver);
            case EventDetail.Unblock unblock -> unblock.dope() == 0
                    ? "released (" + unblock.cause() + ")"
                    : "send fails: " + new DopeBits(unblock.dope()).describe() + " (" + unblock.cause() + ")";
            case EventDetail.Notify notify -> "controller notification queued: blocked source "
                    + notify.blockedSource() + ", true source " + notify.trueSource() + ", final receiver "
                    + notify.finalReceiver() + (notify.errorCode() == 0 ? "" : ", error " + notify.errorCode()
                    + " " + DopeBits.errorName(notify.errorCode()));
            case EventDetail.Failure failure -> event.kind() == EventKind.TIMEOUT
                    ? "timeout (" + new DopeBits(failure.dope()).phase() + " phase)"
                    : new DopeBits(failure.dope()).describe();
            case EventDetail.SyscallError failure -> failure.describe();
            case EventDetail.Console console -> "prints " + quoted(console.text());
            case EventDetail.Breakpoint breakpoint -> "kdebug breakpoint " + breakpoint.argument();
            case EventDetail.PageFault fault -> "page fault at " + Words.address(fault.address()) + " ("
                    + AccessText.of(fault.accessBits()) + ") ip " + Words.address(fault.instructionPointer());
            case EventDetail.Mapping mapping -> (mapping.grant() ? "grants " : "maps ")
                    + Words.address(mapping.address()) + " " + AccessText.of(mapping.rightsBits()) + " in "
                    + mapping.task().name() + " from " + Words.address(mapping.sourceAddress()) + " of "
                    + mapping.sourceTask().name();
            case EventDetail.KernelMapping mapping -> "kernel maps " + Words.address(mapping.address()) + " "
                    + AccessText.of(mapping.rightsBits()) + " in " + mapping.task().name();
            case EventDetail.Unmapping unmapping -> (unmapping.rightsLeft() == 0 ? "unmaps " : "revokes rights of ")
                    + Words.address(unmapping.address()) + " in " + unmapping.task().name()
                    + (unmapping.rightsLeft() == 0 ? "" : ", " + AccessText.of(unmapping.rightsLeft()) + " left");
            case EventDetail.Rule rule -> rule(rule);
            case EventDetail.Allow allow -> "allow rule: " + allow.source().name() + " may send to "
                    + allow.dest().name();
            case EventDetail.ThreadCreated ignored -> "created by thread_control (UTCB "
                    + Words.address(event.thread().utcbAddress()) + ")";
            case EventDetail.FaultIpc fault -> "fault IPC to " + fault.handler();
            case EventDetail.Items items -> "items from " + items.sender().name() + (items.wholeSpace()
                    ? " into the whole space (page-fault reply)" : " into window " + Words.hex(items.window()));
            case EventDetail.Deadline deadline -> deadline.deadlineNanos() == EventDetail.Deadline.NONE
                    ? "timeout cleared"
                    : String.format(Locale.ROOT, "times out at %.3f us", deadline.deadlineNanos() / 1000.0);
            case EventDetail.StateChange change -> "-> " + change.state();
            case EventDetail.Switch ignored -> event.thread() == null ? "CPU idle" : "runs";
            case EventDetail.End end -> "run ends, exit code " + end.exitCode();
        };
    }

    private static String rule(EventDetail.Rule rule) {
        String source = rule.source() == null ? "any task" : rule.source().name();
        String dest = rule.dest() == null ? "any task" : rule.dest().name();
        return rule.added()
                ? "redirect rule added: " + source + " -> " + dest + " via " + rule.monitor().name() + " ("
                        + rule.monitorClass() + ")"
                : "redirect rule removed: " + source + " -> " + dest + " via " + rule.monitor().name();
    }

    private static String syscall(EventDetail.Syscall syscall) {
        List<String> arguments = new ArrayList<>();
        for (int argument : syscall.arguments()) {
            arguments.add(Words.hex(argument));
        }
        return syscall.name() + "(" + String.join(", ", arguments) + ")";
    }

    private static String send(EventKind kind, EventDetail.Send send) {
        StringBuilder text = new StringBuilder(kind == EventKind.FORWARD ? "forwards to " : "sends to ");
        text.append(send.to()).append(": ").append(send.message().describe());
        IpcOption option = send.option();
        if (option != null) {
            text.append(" [option ").append(option.jsonName());
            EventDetail.ParameterBlock block = send.block();
            if (block != null && option.isDeceit()) {
                text.append(", true source ").append(block.trueSource());
                if (Abi.Option.namesBlockedSource(option.code())) {
                    text.append(", blocked source ").append(block.blockedSource());
                }
            }
            text.append(']');
        }
        return text.toString();
    }

    private static String deliver(EventDetail.Deliver deliver) {
        String sender = deliver.sender() == null ? "the kernel" : deliver.sender().name();
        StringBuilder text = new StringBuilder("receives from ").append(sender);
        if (deliver.sender() != null && !deliver.from().name().equals(sender)) {
            text.append(" (from ").append(deliver.from()).append(')');
        }
        text.append(": ").append(deliver.message().describe());
        String dope = deliver.dopeBits().describe();
        if (!dope.isEmpty()) {
            text.append(" [").append(dope).append(']');
        }
        return text.toString();
    }

    /**
     * Console text with newlines and other controls escaped, so that a row stays one line and a
     * guest cannot drive the terminal that shows it: C0 and C1 controls, DEL, and invisible
     * format characters such as the bidirectional overrides.
     */
    public static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '"' -> quoted.append("\\\"");
                default -> {
                    if (unprintable(c)) {
                        quoted.append(String.format(Locale.ROOT, c <= 0xFF ? "\\x%02x" : "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** Console text for a picture: every control or format character (see {@link #quoted}) a space. */
    public static String printable(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            printable.append(unprintable(c) ? ' ' : c);
        }
        return printable.toString();
    }

    private static boolean unprintable(char c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
    }
}
