package org.l4emu.tools.gdb;

import java.io.IOException;
import java.util.StringJoiner;
import org.l4emu.emulator.debug.InstructionSet;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.tools.replay.CodeBreakpoint;
import org.l4emu.tools.replay.Watchpoint;

/**
 * One debugger connection (gdb-multiarch, or lldb's {@code gdb-remote}): reads packets and
 * answers them (queries, registers, memory, breakpoints and watchpoints, run control forward and
 * in reverse) until the debugger detaches or kills. Everything ISA-specific comes from the
 * machine's {@link InstructionSet}.
 */
final class GdbSession {
    /** The largest packet the stub takes and sends, in bytes (the hex of PacketSize below). */
    private static final int PACKET_SIZE = 0x4000;
    private static final String SUPPORTED = "PacketSize=" + Integer.toHexString(PACKET_SIZE)
            + ";qXfer:features:read+;qXfer:threads:read+;"
            + "vContSupported+;swbreak+;ReverseStep+;ReverseContinue+;QStartNoAckMode+";
    /** The most memory an 'm' reply holds, two hex digits a byte: a longer read is answered in part. */
    private static final int MOST_BYTES_READ = PACKET_SIZE / 2;
    /** What lldb is told it may set; the hooks have no fixed number. */
    private static final int WATCHPOINT_SLOTS = 16;
    private static final int MAX_WATCHED_BYTES = 4096;

    private final RspChannel channel;
    private final DebugTarget target;
    private final InstructionSet isa;
    private final String task;
    private final InsertedPoints inserted;
    private Thread general;
    private StopReply lastStop;

    GdbSession(RspChannel channel, DebugTarget target, String task) {
        this.channel = channel;
        this.target = target;
        this.isa = target.replay().instructionSet();
        this.task = task;
        this.inserted = new InsertedPoints(target.replay().points());
        this.general = target.stopThread();
    }

    /**
     * Serves until the debugger goes; returns normally on detach (once the guests have run to the
     * end, as a detached program runs on), kill or a closed connection.
     */
    void serve() throws IOException {
        String packet;
        while ((packet = channel.receive()) != null) {
            if (packet.equals("k")) {
                channel.send("X09");
                return;
            }
            String reply;
            try {
                reply = answer(packet);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                reply = "E01";
            }
            channel.send(reply);
            if (packet.equals("D") || packet.startsWith("D;")) {
                target.runToEnd();
                return;
            }
        }
    }

    private String answer(String packet) throws IOException {
        char command = packet.charAt(0);
        return switch (command) {
            case '?' -> stoppedBefore() ? lastStop.packet()
                    : new StopReply.Trap(target.gdbId(target.stopThread()), "").packet();
            case 'q' -> query(packet);
            case 'Q' -> packet.equals("QStartNoAckMode") ? noAck() : "";
            case 'H' -> selectThread(packet.substring(2));
            case 'T' -> target.thread(Hex.address(packet.substring(1))) != null ? "OK" : "E01";
            case 'g' -> readRegisters();
            case 'G' -> writeRegisters(packet.substring(1));
            case 'p' -> readRegister(Hex.count(packet.substring(1)));
            case 'P' -> writeRegister(packet.substring(1));
            case 'm' -> readMemory(packet.substring(1));
            case 'M' -> writeMemory(packet.substring(1));
            case 'Z', 'z' -> breakpoint(packet);
            case 'c', 'C' -> stopped(target.resume(this::interrupted));
            case 's', 'S' -> stopped(target.step(general, this::interrupted));
            case 'b' -> reverse(packet);
            case 'v' -> verbose(packet);
            case 'D' -> "OK";
            default -> "";
        };
    }

    /** True when the target has stopped (not exited) since the debugger attached. */
    private boolean stoppedBefore() {
        return lastStop != null && !(lastStop instanceof StopReply.Exited);
    }

    private String noAck() {
        channel.stopAcknowledging();
        return "OK";
    }

    private boolean interrupted() {
        try {
            return channel.takeInterrupt();
        } catch (IOException e) {
            return true;
        }
    }

    private String stopped(StopReply reply) throws IOException {
        if (!(reply instanceof StopReply.Exited)) {
            general = target.stopThread();
        }
        if (reply instanceof StopReply.Trap trap && trap.message() != null) {
            channel.send("O" + Hex.text(trap.message() + "\n"));
        }
        lastStop = reply;
        return reply.packet();
    }

    private String reverse(String packet) throws IOException {
        return switch (packet) {
            case "bs" -> stopped(target.reverseStep(general));
            case "bc" -> stopped(target.reverseContinue());
            default -> "";
        };
    }

    private String query(String packet) {
        if (packet.startsWith("qSupported")) {
            return SUPPORTED;
        }
        if (packet.startsWith("qXfer:features:read:target.xml:")) {
            return chunk(isa.targetDescription(), packet.substring("qXfer:features:read:target.xml:".length()));
        }
        if (packet.equals("qHostInfo")) {
            return processInfo() + "watchpoint_exceptions_received:"
                    + (isa.watchpointStopsBeforeAccess() ? "before" : "after") + ";";
        }
        if (packet.equals("qProcessInfo")) {
            return "pid:1;" + processInfo();
        }
        if (packet.equals("qWatchpointSupportInfo") || packet.startsWith("qWatchpointSupportInfo:")) {
            return "num:" + WATCHPOINT_SLOTS + ";";
        }
        if (packet.startsWith("qThreadStopInfo")) {
            Thread thread = target.thread(Hex.address(packet.substring("qThreadStopInfo".length())));
            if (thread == null) {
                return "E01";
            }
            return thread == target.stopThread() && stoppedBefore() ? lastStop.packet()
                    : String.format("T00thread:%x;", target.gdbId(thread));
        }
        if (packet.startsWith("qXfer:threads:read::")) {
            return chunk(threadsXml(), packet.substring("qXfer:threads:read::".length()));
        }
        if (packet.equals("qfThreadInfo")) {
            StringJoiner ids = new StringJoiner(",", "m", "");
            target.threads().forEach(thread -> ids.add(Integer.toHexString(target.gdbId(thread))));
            return ids.toString();
        }
        if (packet.equals("qsThreadInfo")) {
            return "l";
        }
        if (packet.equals("qC")) {
            return "QC" + Integer.toHexString(target.gdbId(general));
        }
        if (packet.startsWith("qThreadExtraInfo,")) {
            Thread thread = target.thread(Hex.address(packet.substring("qThreadExtraInfo,".length())));
            return thread == null ? "E01" : Hex.text(describe(thread));
        }
        if (packet.equals("qAttached")) {
            return "1";
        }
        if (packet.startsWith("qSymbol")) {
            return "OK";
        }
        return "";
    }

    private String processInfo() {
        return "triple:" + Hex.text(isa.triple()) + ";endian:little;ptrsize:4;";
    }

    private String threadsXml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<threads>\n");
        for (Thread thread : target.threads()) {
            xml.append(String.format("<thread id=\"%x\" name=\"%s\">%s</thread>%n", target.gdbId(thread),
                    thread.name(), describe(thread)));
        }
        return xml.append("</threads>\n").toString();
    }

    private static String describe(Thread thread) {
        return thread.name() + " in task " + thread.task().name() + ", " + thread.state().name().toLowerCase();
    }

    /** qXfer reads: "offset,length" of {@code document}, 'm' when more follows, 'l' for the last part. */
    private static String chunk(String document, String range) {
        String[] parts = range.split(",");
        long offset = Hex.number(parts[0]);
        long length = Hex.number(parts[1]);
        if (offset >= document.length()) {
            return "l";
        }
        int end = (int) Math.min(document.length(), offset + Math.min(length, PACKET_SIZE));
        return (end == document.length() ? "l" : "m") + document.substring((int) offset, end);
    }

    private String selectThread(String id) {
        if (id.equals("0") || id.equals("-1")) {
            return "OK";
        }
        Thread thread = target.thread(Hex.address(id));
        if (thread == null) {
            return "E01";
        }
        general = thread;
        return "OK";
    }

    private String readRegisters() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < isa.registers().size(); i++) {
            hex.append(Hex.bytes(isa.readRegister(general.context(), i)));
        }
        return hex.toString();
    }

    private String readRegister(int number) {
        return number < isa.registers().size() ? Hex.bytes(isa.readRegister(general.context(), number)) : "E01";
    }

    private String writeRegisters(String hex) {
        int offset = 0;
        for (int i = 0; i < isa.registers().size(); i++) {
            int digits = 2 * isa.registers().get(i).bytes();
            String result = setRegister(i, Hex.parseBytes(hex.substring(offset, offset + digits)));
            if (!result.equals("OK")) {
                return result;
            }
            offset += digits;
        }
        return "OK";
    }

    private String writeRegister(String assignment) {
        String[] parts = assignment.split("=");
        return setRegister(Hex.count(parts[0]), Hex.parseBytes(parts[1]));
    }

    private String setRegister(int number, byte[] value) {
        if (number >= isa.registers().size()) {
            return "E01";
        }
        int pc = general.context().instructionPointer();
        if (!isa.writeRegister(general.context(), number, value)) {
            return "E01";
        }
        if (general.context().instructionPointer() != pc) {
            target.replay().threadMoved(general);
        }
        return "OK";
    }

    /** Whose memory the debugger reads, writes and watches: the {@code --task} task, or the current thread's. */
    private Task memoryTask() {
        Task named = task == null ? null : target.replay().view().threads().task(task);
        return named != null ? named : general.task();
    }

    private String readMemory(String request) {
        String[] parts = request.split(",", -1);
        if (parts.length != 2) {
            return "E01";
        }
        int length = (int) Math.min(Hex.number(parts[1]), MOST_BYTES_READ);
        byte[] bytes = target.replay().memory().read(memoryTask().space(), Hex.address(parts[0]), length);
        return bytes == null ? "E14" : Hex.bytes(bytes);
    }

    private String writeMemory(String request) {
        String[] parts = request.split("[,:]", -1);
        if (parts.length != 3) {
            return "E01";
        }
        byte[] bytes = Hex.parseBytes(parts[2]);
        if (bytes.length != Hex.count(parts[1])) {
            return "E01";
        }
        if (!target.replay().memory().write(memoryTask().space(), Hex.address(parts[0]), bytes)) {
            return "E14";
        }
        target.replay().flushCodeCache();
        return "OK";
    }

    /**
     * Z0/Z1 breakpoints (kinds of the instruction set) and Z2/Z3/Z4 write, read and access
     * watchpoints (kind: the length) in the {@code --task} task, or the current thread's.
     */
    private String breakpoint(String packet) {
        String[] parts = packet.substring(1).split("[,;]");
        int type = Integer.parseInt(parts[0]);
        int address = Hex.address(parts[1]);
        int kind = Hex.count(parts[2]);
        boolean insert = packet.charAt(0) == 'Z';
        String key = type + "," + Integer.toHexString(address) + "," + kind;
        if (type == 0 || type == 1) {
            if (!isa.isBreakpointKind(kind)) {
                return "E01";
            }
            if (insert) {
                inserted.insert(key, new CodeBreakpoint(isa.codeAddress(address), task));
            } else {
                inserted.remove(key);
            }
        } else if (type >= 2 && type <= 4) {
            if (kind < 1 || kind > MAX_WATCHED_BYTES) {
                return "E01";
            }
            Watchpoint.Kind watchKind = type == 2 ? Watchpoint.Kind.WRITE : type == 3 ? Watchpoint.Kind.READ
                    : Watchpoint.Kind.ACCESS;
            if (insert) {
                inserted.insert(key, new Watchpoint(memoryTask().name(), address, kind, watchKind));
            } else {
                inserted.remove(key);
            }
        } else {
            return "";
        }
        target.replay().pointsChanged();
        return "OK";
    }

    private String verbose(String packet) throws IOException {
        if (packet.equals("vCont?")) {
            return "vCont;c;C;s;S";
        }
        if (packet.startsWith("vCont;")) {
            for (String action : packet.substring("vCont;".length()).split(";")) {
                String[] parts = action.split(":");
                if (parts[0].startsWith("s") || parts[0].startsWith("S")) {
                    Thread thread = parts.length > 1 ? target.thread(Hex.address(parts[1])) : general;
                    return stopped(target.step(thread == null ? general : thread, this::interrupted));
                }
            }
            return stopped(target.resume(this::interrupted));
        }
        if (packet.startsWith("vKill")) {
            return "OK";
        }
        return "";
    }
}
