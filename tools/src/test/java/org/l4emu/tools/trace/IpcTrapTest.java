package org.l4emu.tools.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.scripted.ScriptedSystem;

/** A repeat stands for its template's events: two traps are alike only when every field but the message words is. */
class IpcTrapTest {
    private ScriptedSystem system;
    private Thread client;
    private Thread server;
    private Thread other;

    @BeforeEach
    void threads() throws Exception {
        system = ScriptedSystem.builder(Architecture.ARM).task("client").task("server").task("other").boot();
        client = system.thread("client").thread();
        server = system.thread("server").thread();
        other = system.thread("other").thread();
    }

    @AfterEach
    void close() {
        system.close();
    }

    /** A call from the client delivered to the server: client receiving, server ready, the server runs. */
    private IpcTrap call() {
        IpcTrap trap = new IpcTrap();
        trap.start(client, Abi.Syscall.IPC);
        trap.send(0x10001, new int[] {7}, 1);
        trap.receiver = server;
        trap.after.add(client, ThreadState.RECEIVING, 0);
        trap.after.add(server, ThreadState.READY, 1);
        trap.after.switchTo(server);
        return trap;
    }

    private IpcTrap callWith(Consumer<IpcTrap> change) {
        IpcTrap trap = call();
        change.accept(trap);
        return trap;
    }

    /** The call with these two state changes in place of its own. */
    private IpcTrap changes(Thread first, ThreadState firstState, Thread second, ThreadState secondState) {
        IpcTrap trap = new IpcTrap();
        trap.copyFrom(call());
        trap.after.clear();
        trap.after.add(first, firstState, 0);
        trap.after.add(second, secondState, 1);
        trap.after.switchTo(server);
        return trap;
    }

    @Test
    @DisplayName("the same call with other words is alike; a copy is alike")
    void wordsApart() {
        IpcTrap template = new IpcTrap();
        template.copyFrom(call());
        assertTrue(template.sameAs(callWith(trap -> trap.send(0x10001, new int[] {8}, 1))));
        assertTrue(template.sameAs(call()));
    }

    @Test
    @DisplayName("a call that differs in any other field is not alike")
    void everyOtherField() {
        IpcTrap template = call();
        assertFalse(template.sameAs(callWith(trap -> trap.thread = other)), "thread");
        assertFalse(template.sameAs(callWith(trap -> trap.number = Abi.Syscall.KDEBUG)), "syscall number");
        assertFalse(template.sameAs(callWith(trap -> trap.arguments[1] = 1)), "an argument");
        assertFalse(template.sameAs(callWith(trap -> trap.argumentCount = 3)), "the argument count");
        assertFalse(template.sameAs(callWith(trap -> trap.sent = false)), "no send");
        assertFalse(template.sameAs(callWith(trap -> trap.tag = 0x20001)), "the tag");
        assertFalse(template.sameAs(callWith(trap -> trap.receiver = other)), "the receiver");
        assertFalse(template.sameAs(callWith(trap -> trap.receiver = null)), "no delivery");
        assertFalse(template.sameAs(callWith(trap -> trap.after.add(other, ThreadState.READY, 2))), "one more change");
        assertFalse(template.sameAs(callWith(trap -> trap.after.switched = false)), "no switch");
        assertFalse(template.sameAs(callWith(trap -> trap.after.switchTo(other))), "a switch to another thread");
        assertFalse(template.sameAs(changes(client, ThreadState.SENDING, server, ThreadState.READY)), "another state");
        assertFalse(template.sameAs(changes(client, ThreadState.RECEIVING, other, ThreadState.READY)),
                "another thread's change");
        assertTrue(template.sameAs(changes(client, ThreadState.RECEIVING, server, ThreadState.READY)));
    }
}
