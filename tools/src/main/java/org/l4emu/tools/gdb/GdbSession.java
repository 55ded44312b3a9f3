package org.l4emu.tools.gdb;

import java.io.IOException;
import java.util.List;

import org.l4emu.emulator.arm.ArmCpuContext;
import org.l4emu.kernel.object.Thread;
import org.l4emu.tools.replay.CodeBreakpoints;

/**
 * One debugger connection: reads packets and answers them (queries, registers, memory,
 * breakpoints, run control forward and in reverse) until the debugger detaches or kills.
 */
final class GdbSession {
    private static final String SUPPORTED = "PacketSize=4000;qXfer:features:read+;qXfer:threads:read+;"
            + "vContSupported+;swbreak+;ReverseStep+;ReverseContinue+;QStartNoAckMode+";
    private static final int THUMB_16 = 2;
    private static final int THUMB_32 = 3;

    private final RspChannel channel;
    private final DebugTarget target;
    private final String task;
    private Thread general;

    GdbSession(RspChannel channel, DebugTarget target, String task) {
        this.channel = channel;
        this.target = target;
        this.task = task;
        this.general = target.stopThread();
    }

    /** Serves until the debugger goes; returns normally on detach, kill or a closed connection. */
    void serve() throws IOException {
        String packet;
        while ((packet = channel.receive()) != null) {
            if (packet.equals("k")) {
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
                return;
            }
        }
    }

    private String answer(String packet) throws IOException {
        char command = packet.charAt(0);
        return switch (command) {
            case '?' -> stopped(new StopReply.Trap(target.gdbId(target.stopThread()), ""));
            case 'q' -> query(packet);
            case 'Q' -> packet.equals("QStartNoAckMode") ? noAck() : "";
            case 'H' -> selectThread(packet.substring(2));
            case 'T' -> target.thread((int) Hex.number(packet.substring(1))) != null ? "OK" : "E01";
            case 'g' -> readRegisters();
            case 'G' -> writeRegisters(packet.substring(1));
            case 'p' -> readRegister((int) Hex.number(packet.substring(1)));
            case 'P' -> writeRegister(packet.substring(1));
            case 'm' -> readMemory(packet.substring(1));
            case 'M' -> writeMemory(packet.substring(1));
            case 'Z', 'z' -> breakpoint(packet);
            case 'c', 'C' -> stopped(target.resume(this::interrupted));
            case 's', 'S' -> stopped(target.step(general));
            case 'b' -> reverse(packet);
            case 'v' -> verbose(packet);
            case 'D' -> "OK";
            default -> "";
        };
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

    private String stopped(StopReply reply) {
        if (reply instanceof StopReply.Trap || reply instanceof StopReply.HistoryBegin
                || reply instanceof StopReply.Interrupted) {
            general = target.stopThread();
        }
        return reply.packet();
    }

    private String reverse(String packet) {
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
            return chunk(TargetDescription.XML, packet.substring("qXfer:features:read:target.xml:".length()));
        }
        if (packet.startsWith("qXfer:threads:read::")) {
            return chunk(threadsXml(), packet.substring("qXfer:threads:read::".length()));
        }
        if (packet.equals("qfThreadInfo")) {
            StringBuilder ids = new StringBuilder("m");
            List<Thread> threads = target.threads();
            for (int i = 0; i < threads.size(); i++) {
                ids.append(i == 0 ? "" : ",").append(Integer.toHexString(i + 1));
            }
            return ids.toString();
        }
        if (packet.equals("qsThreadInfo")) {
            return "l";
        }
        if (packet.equals("qC")) {
            return "QC" + Integer.toHexString(target.gdbId(general));
        }
        if (packet.startsWith("qThreadExtraInfo,")) {
            Thread thread = target.thread((int) Hex.number(packet.substring("qThreadExtraInfo,".length())));
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
        int offset = (int) Hex.number(parts[0]);
        int length = (int) Hex.number(parts[1]);
        if (offset >= document.length()) {
            return "l";
        }
        int end = Math.min(document.length(), offset + length);
        return (end == document.length() ? "l" : "m") + document.substring(offset, end);
    }

    private String selectThread(String id) {
        if (id.equals("0") || id.equals("-1")) {
            return "OK";
        }
        Thread thread = target.thread((int) Hex.number(id));
        if (thread == null) {
            return "E01";
        }
        general = thread;
        return "OK";
    }

    private ArmCpuContext registers() {
        return (ArmCpuContext) general.context();
    }

    private String readRegisters() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < TargetDescription.REGISTER_COUNT; i++) {
            hex.append(Hex.word(registers().register(i)));
        }
        return hex.toString();
    }

    private String readRegister(int number) {
        return number < TargetDescription.REGISTER_COUNT ? Hex.word(registers().register(number)) : "E01";
    }

    private String writeRegisters(String hex) {
        for (int i = 0; i < TargetDescription.REGISTER_COUNT; i++) {
            String result = setRegister(i, Hex.parseWord(hex.substring(8 * i, 8 * i + 8)));
            if (!result.equals("OK")) {
                return result;
            }
        }
        return "OK";
    }

    private String writeRegister(String assignment) {
        String[] parts = assignment.split("=");
        return setRegister((int) Hex.number(parts[0]), Hex.parseWord(parts[1]));
    }

    /** r0-r14 and pc can be set (pc keeps the thread's ARM or Thumb state); cpsr only to its value. */
    private String setRegister(int number, int value) {
        ArmCpuContext context = registers();
        if (number <= 14) {
            context.setRegister(number, value);
        } else if (number == 15) {
            context.setInstructionPointer(value & ~1 | (context.thumb() ? 1 : 0));
        } else if (number != 16 || value != context.register(16)) {
            return "E01";
        }
        return "OK";
    }

    private String readMemory(String request) {
        String[] parts = request.split(",");
        byte[] bytes = target.replay().memory().read(general.task().space(), (int) Hex.number(parts[0]),
                (int) Hex.number(parts[1]));
        return bytes == null ? "E14" : Hex.bytes(bytes);
    }

    private String writeMemory(String request) {
        String[] parts = request.split("[,:]");
        byte[] bytes = Hex.parseBytes(parts.length > 2 ? parts[2] : "");
        if (!target.replay().memory().write(general.task().space(), (int) Hex.number(parts[0]), bytes)) {
            return "E14";
        }
        target.replay().machine().flushCodeCache();
        return "OK";
    }

    /** Z0/z0 software breakpoints (kind 2 or 3: Thumb, 4: ARM); other kinds are not supported. */
    private String breakpoint(String packet) {
        String[] parts = packet.substring(1).split("[,;]");
        if (!parts[0].equals("0") && !parts[0].equals("1")) {
            return "";
        }
        int address = (int) Hex.number(parts[1]);
        int kind = (int) Hex.number(parts[2]);
        boolean thumb = kind == THUMB_16 || kind == THUMB_32 || (address & 1) != 0;
        CodeBreakpoints.Breakpoint breakpoint = new CodeBreakpoints.Breakpoint(address & ~1, thumb, task);
        if (packet.charAt(0) == 'Z') {
            target.replay().breakpoints().add(breakpoint);
        } else {
            target.replay().breakpoints().remove(breakpoint);
        }
        target.replay().reinstallBreakpoints();
        return "OK";
    }

    private String verbose(String packet) {
        if (packet.equals("vCont?")) {
            return "vCont;c;C;s;S";
        }
        if (packet.startsWith("vCont;")) {
            for (String action : packet.substring("vCont;".length()).split(";")) {
                String[] parts = action.split(":");
                if (parts[0].startsWith("s") || parts[0].startsWith("S")) {
                    Thread thread = parts.length > 1 ? target.thread((int) Hex.number(parts[1])) : general;
                    return stopped(target.step(thread == null ? general : thread));
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
