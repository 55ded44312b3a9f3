package org.l4emu.tools.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.scripted.ScriptedSystem;

/** An ipc trap followed against its thread's template: each event must be the template's, and the trap held so far is what holding it whole makes. */
class TemplateMatchTest {
    private static final int TAG = 0x10001;
    private ScriptedSystem system;
    private Thread client;
    private Thread server;
    private IpcTrap template;
    private final TemplateMatch match = new TemplateMatch();

    @BeforeEach
    void template() throws Exception {
        system = ScriptedSystem.builder(Architecture.ARM).task("client").task("server").boot();
        client = system.thread("client").thread();
        server = system.thread("server").thread();
        template = new IpcTrap();
        template.start(client, Abi.Syscall.IPC);
        template.send(TAG, new int[] {7}, 1);
        template.receiver = server;
    }

    @AfterEach
    void close() {
        system.close();
    }

    private int to() {
        return template.arguments[TraceFormat.IPC_TO_ARGUMENT];
    }

    private int sendDescriptor() {
        return template.arguments[TraceFormat.IPC_SEND_DESCRIPTOR_ARGUMENT];
    }

    @Test
    @DisplayName("the template's syscall, send and delivery: complete only once delivered")
    void theTemplatesEvents() {
        assertTrue(match.begin(template, client, Abi.Syscall.IPC));
        assertTrue(match.send(client, to(), TAG, sendDescriptor()));
        match.sent(1);
        assertFalse(match.complete(), "no delivery yet");
        assertTrue(match.delivery(client, server));
        match.delivered();
        assertTrue(match.complete());
    }

    @Test
    @DisplayName("another argument, thread, tag, destination or receiver does not match")
    void otherwise() {
        client.context().setResult(1, template.arguments[1] + 1);
        assertFalse(match.begin(template, client, Abi.Syscall.IPC), "an argument");
        client.context().setResult(1, template.arguments[1]);
        assertFalse(match.begin(template, server, Abi.Syscall.IPC), "another thread");
        assertTrue(match.begin(template, client, Abi.Syscall.IPC));
        assertFalse(match.send(client, to(), TAG + 1, sendDescriptor()), "the tag");
        assertFalse(match.send(client, to() + 1, TAG, sendDescriptor()), "the destination");
        assertFalse(match.send(client, to(), TAG, sendDescriptor() + 1), "the send descriptor");
        assertFalse(match.delivery(client, server), "a delivery before the send");
        assertTrue(match.send(client, to(), TAG, sendDescriptor()));
        match.sent(1);
        assertFalse(match.send(client, to(), TAG, sendDescriptor()), "a second send");
        assertFalse(match.delivery(client, client), "another receiver");
    }

    @Test
    @DisplayName("a trap that stops matching after its send is the trap held whole so far")
    void heldSoFar() {
        assertTrue(match.begin(template, client, Abi.Syscall.IPC));
        assertTrue(match.send(client, to(), TAG, sendDescriptor()));
        match.sent(1);
        IpcTrap trap = new IpcTrap();
        trap.receiver = client;
        match.into(trap, new int[] {9, 0});
        assertFalse(match.active());
        assertTrue(trap.thread == client && trap.number == Abi.Syscall.IPC && trap.sent && trap.tag == TAG
                && trap.receiver == null);
        assertArrayEquals(template.arguments, Arrays.copyOf(trap.arguments, trap.arguments.length));
        assertArrayEquals(new int[] {9}, Arrays.copyOf(trap.words, trap.wordCount));
    }
}
