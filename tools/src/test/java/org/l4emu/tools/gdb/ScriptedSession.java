package org.l4emu.tools.gdb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.l4emu.kernel.boot.BootOptions;
import org.l4emu.tools.CommandLineRun;
import org.l4emu.tools.replay.Replay;

/**
 * A debugger's packets, sent in order to a {@link GdbSession} on a system of the guest programs,
 * and the session's replies (every reply packet, console 'O' packets included).
 */
final class ScriptedSession {
    private ScriptedSession() {}

    /** The system {@code name} (e.g. "pingpong.xml") built for {@code arch}. */
    static Path guest(String arch, String name) {
        return Path.of(CommandLineRun.guest(name).replace("/arm/", "/" + arch + "/"));
    }

    /** Serves {@code packets}, then 'k', and returns every reply (the last: kill's). */
    static List<String> replies(Path system, List<String> packets) throws Exception {
        return replies(system, packets, nowhere());
    }

    /** Output of the run that goes nowhere. */
    static RunOutput nowhere() {
        return new RunOutput(OutputStream.nullOutputStream(), new PrintWriter(Writer.nullWriter()));
    }

    /** As {@link #replies(Path, List)}, with what the run prints written to {@code output}. */
    static List<String> replies(Path system, List<String> packets, RunOutput run) throws Exception {
        StringBuilder input = new StringBuilder();
        for (String packet : packets) {
            input.append(frame(packet)).append('+');
        }
        input.append(frame("k")).append('+');
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        DebugTarget target = new DebugTarget(run);
        try (Replay replay = Replay.open(system, new BootOptions(BootOptions.FROM_DESCRIPTION,
                BootOptions.UNLIMITED, false, true), target)) {
            target.attach(replay);
            new GdbSession(new RspChannel(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.US_ASCII)),
                    output), target, null).serve();
        }
        return parse(output.toString(StandardCharsets.US_ASCII));
    }

    private static String frame(String packet) {
        int sum = 0;
        for (char c : packet.toCharArray()) {
            sum += c;
        }
        return "$" + packet + "#" + String.format("%02x", sum & 0xFF);
    }

    private static List<String> parse(String output) {
        List<String> replies = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\$([^#]*)#\\p{XDigit}{2}").matcher(output);
        while (matcher.find()) {
            replies.add(matcher.group(1));
        }
        return replies;
    }
}
