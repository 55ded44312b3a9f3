package org.l4emu.tools.trace;

import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Lines form of a trace (docs/trace-format.md, schema trace-v2.schema.json): a header
 * line, then one object per event. Words are unsigned numbers; threads are names with their IDs.
 */
public final class TraceJsonWriter implements AutoCloseable {
    /** The caller owns the stream (often standard output): closing the writer only flushes it. */
    private static final JsonMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder().rootValueSeparator((String) null).build())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator json;

    public TraceJsonWriter(Writer out) {
        this.json = MAPPER.createGenerator(out);
    }

    public void header(TraceHeader header) {
        json.writeStartObject();
        json.writeStringProperty("format", "l4emu-trace");
        json.writeNumberProperty("version", TraceFormat.JSON_VERSION);
        json.writeStringProperty("system", header.system());
        json.writeStringProperty("arch", header.arch());
        json.writeStringProperty("image", header.image());
        json.writeNumberProperty("ns_per_instruction", header.nanosPerInstruction());
        json.writeEndObject();
        json.writeRaw("\n");
    }

    public void event(TraceEvent event) {
        json.writeStartObject();
        json.writeNumberProperty("seq", event.seq());
        json.writeNumberProperty("time_ns", event.timeNanos());
        json.writeNumberProperty("instructions", event.instructions());
        json.writeStringProperty("kind", event.kind().jsonName());
        if (event.thread() != null) {
            json.writeStringProperty("thread", event.thread().name());
            json.writeStringProperty("task", event.thread().task().name());
            json.writeNumberProperty("thread_id", unsigned(event.thread().id()));
        }
        details(event);
        json.writeEndObject();
        json.writeRaw("\n");
    }

    private void details(TraceEvent event) {
        switch (event.detail()) {
            case EventDetail.ThreadStart start -> {
                word("entry", start.entry());
                word("utcb", event.thread().utcbAddress());
            }
            case EventDetail.ThreadExit exit -> json.writeStringProperty("reason", exit.reason());
            case EventDetail.Syscall syscall -> {
                json.writeStringProperty("syscall", syscall.name());
                word("number", syscall.number());
                words("arguments", syscall.arguments());
            }
            case EventDetail.Send send -> send(send);
            case EventDetail.Redirect redirect -> {
                ref("true_source", redirect.trueSource());
                thread("intended_receiver", redirect.intendedReceiver());
                thread("monitor", redirect.monitor());
                json.writeStringProperty("monitor_class", redirect.monitorClass());
            }
            case EventDetail.Deliver deliver -> deliver(deliver);
            case EventDetail.Unblock unblock -> {
                dope(unblock.dope());
                json.writeStringProperty("cause", unblock.cause());
            }
            case EventDetail.Notify notify -> {
                ref("blocked_source", notify.blockedSource());
                ref("true_source", notify.trueSource());
                ref("final_receiver", notify.finalReceiver());
                word("error", notify.errorCode());
            }
            case EventDetail.Failure failure -> dope(failure.dope());
            case EventDetail.SyscallError failure -> {
                json.writeStringProperty("syscall", failure.name());
                word("number", failure.number());
                word("error", failure.error());
                json.writeStringProperty("error_name", DopeBits.errorName(failure.error()));
            }
            case EventDetail.Console console -> json.writeStringProperty("text", console.text());
            case EventDetail.Breakpoint breakpoint -> word("argument", breakpoint.argument());
            case EventDetail.PageFault fault -> {
                word("address", fault.address());
                json.writeStringProperty("access", AccessText.of(fault.accessBits()));
                word("ip", fault.instructionPointer());
            }
            case EventDetail.Mapping mapping -> {
                json.writeStringProperty("mapped_task", mapping.task().name());
                word("address", mapping.address());
                json.writeStringProperty("rights", AccessText.of(mapping.rightsBits()));
                json.writeStringProperty("how", mapping.grant() ? "grant" : "map");
                json.writeStringProperty("source_task", mapping.sourceTask().name());
                word("source_address", mapping.sourceAddress());
            }
            case EventDetail.KernelMapping mapping -> {
                json.writeStringProperty("mapped_task", mapping.task().name());
                word("address", mapping.address());
                json.writeStringProperty("rights", AccessText.of(mapping.rightsBits()));
            }
            case EventDetail.Unmapping unmapping -> {
                json.writeStringProperty("mapped_task", unmapping.task().name());
                word("address", unmapping.address());
                json.writeStringProperty("rights_left", AccessText.of(unmapping.rightsLeft()));
            }
            case EventDetail.Rule rule -> {
                json.writeStringProperty("operation", rule.added() ? "add" : "remove");
                json.writeStringProperty("source_task", rule.source() == null ? "*" : rule.source().name());
                json.writeStringProperty("dest_task", rule.dest() == null ? "*" : rule.dest().name());
                thread("monitor", rule.monitor());
                if (rule.monitorClass() != null) {
                    json.writeStringProperty("monitor_class", rule.monitorClass());
                }
            }
            case EventDetail.Allow allow -> {
                json.writeStringProperty("source_task", allow.source().name());
                json.writeStringProperty("dest_task", allow.dest().name());
            }
            case EventDetail.ThreadCreated ignored -> word("utcb", event.thread().utcbAddress());
            case EventDetail.FaultIpc fault -> ref("handler", fault.handler());
            case EventDetail.Items items -> {
                thread("sender", items.sender());
                if (items.wholeSpace()) {
                    json.writeBooleanProperty("whole_space", true);
                } else {
                    word("window", items.window());
                }
                words("items", items.items());
            }
            case EventDetail.Deadline deadline -> {
                if (deadline.deadlineNanos() == EventDetail.Deadline.NONE) {
                    json.writeNullProperty("deadline_ns");
                } else {
                    json.writeNumberProperty("deadline_ns", deadline.deadlineNanos());
                }
            }
            case EventDetail.StateChange change -> json.writeStringProperty("state", change.state());
            case EventDetail.Switch ignored -> { }
            case EventDetail.End end -> word("exit_code", end.exitCode());
        }
    }

    private void send(EventDetail.Send send) {
        ref("to", send.to());
        message(send.message());
        word("send_descriptor", send.sendDescriptor());
        option(send.option());
        if (TraceFormat.readsMr1(send.sendDescriptor())) {
            word("mr1", send.mr1());
        }
        EventDetail.ParameterBlock block = send.block();
        if (block != null) {
            json.writeName("parameter_block");
            json.writeStartObject();
            ref("true_source", block.trueSource());
            ref("blocked_source", block.blockedSource());
            ref("controlling_monitor", block.controllingMonitor());
            word("delay_us", block.delayMicros());
            json.writeEndObject();
        }
    }

    private void deliver(EventDetail.Deliver deliver) {
        if (deliver.sender() != null) {
            thread("sender", deliver.sender());
        } else {
            json.writeNullProperty("sender");
        }
        ref("from", deliver.from());
        message(deliver.message());
        dope(deliver.dope());
        DopeBits bits = deliver.dopeBits();
        option(bits.option());
        json.writeBooleanProperty("redirected", bits.redirected());
        json.writeBooleanProperty("deceit", bits.deceit());
        word("sender_tag", deliver.senderTag());
        if (deliver.wordsWritten() != EventDetail.Deliver.UNKNOWN) {
            json.writeNumberProperty("words_written", deliver.wordsWritten());
        }
    }

    private void message(Message message) {
        word("tag", message.tag());
        json.writeNumberProperty("label", message.label());
        words("mrs", message.words());
    }

    private void dope(int dope) {
        word("dope", dope);
        DopeBits bits = new DopeBits(dope);
        if (bits.errorCode() != 0) {
            json.writeNumberProperty("error", bits.errorCode());
            json.writeStringProperty("error_name", DopeBits.errorName(bits.errorCode()));
            json.writeStringProperty("phase", bits.phase());
        }
    }

    private void option(IpcOption option) {
        if (option != null) {
            json.writeStringProperty("option", option.jsonName());
        }
    }

    private void ref(String name, ThreadRef ref) {
        json.writeStringProperty(name, ref.name());
        word(name + "_id", ref.id());
    }

    private void thread(String name, ThreadInfo thread) {
        json.writeStringProperty(name, thread.name());
        word(name + "_id", thread.id());
    }

    private void word(String name, int value) {
        json.writeNumberProperty(name, unsigned(value));
    }

    private void words(String name, int[] values) {
        json.writeName(name);
        json.writeStartArray();
        for (int value : values) {
            json.writeNumber(unsigned(value));
        }
        json.writeEndArray();
    }

    private static long unsigned(int value) {
        return Integer.toUnsignedLong(value);
    }

    @Override
    public void close() {
        json.close();
    }
}
