package org.l4emu.tools.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Architecture;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.scripted.ScriptedSystem;

/**
 * A repeated trap's state changes are taken as its template's without comparing every watched
 * thread: only when each of the template's threads changed to its state and the kernel made no
 * other change since the states were last all recorded.
 */
class WatchedThreadsTest {
    private ScriptedSystem system;
    private Thread client;
    private Thread server;
    private Thread other;
    private final WatchedThreads watched = new WatchedThreads();

    @BeforeEach
    void allRecorded() throws Exception {
        system = ScriptedSystem.builder(Architecture.ARM).task("client").task("server").task("other").boot();
        client = system.thread("client").thread();
        server = system.thread("server").thread();
        other = system.thread("other").thread();
        for (Thread thread : new Thread[] {client, server, other}) {
            thread.setState(ThreadState.READY);
            watched.add(thread);
        }
        recordEveryState();
    }

    @AfterEach
    void close() {
        system.close();
    }

    /** Every state recorded while the kernel's count of changes is 0. */
    private void recordEveryState() {
        watched.collectChanges(new StateChanges(), 0, false);
    }

    /** A call's changes: the client receiving (watched first), the server sending (second). */
    private StateChanges call() {
        StateChanges changes = new StateChanges();
        changes.add(client, ThreadState.RECEIVING, 0);
        changes.add(server, ThreadState.SENDING, 1);
        return changes;
    }

    @Test
    @DisplayName("the template's changes and as many counted by the kernel: found, and recorded as a scan records them")
    void exactlyTheTemplatesChanges() {
        client.setState(ThreadState.RECEIVING);
        server.setState(ThreadState.SENDING);
        assertTrue(watched.changedExactlyAs(call(), 2));
        watched.record(call(), 2);
        StateChanges left = new StateChanges();
        watched.collectChanges(left, 2, true);
        assertEquals(0, left.count(), "changes left to a scan");
    }

    @Test
    @DisplayName("while the kernel's count stays, no state is compared unless asked to be")
    void theCountGovernsTheScan() {
        other.setState(ThreadState.RECEIVING);
        StateChanges found = new StateChanges();
        watched.collectChanges(found, 0, false);
        assertEquals(0, found.count(), "the count unchanged");
        watched.collectChanges(found, 0, true);
        assertEquals(1, found.count(), "compared when asked");
        assertTrue(found.thread(0) == other && found.state(0) == ThreadState.RECEIVING && found.watchedIndex(0) == 2);
    }

    @Test
    @DisplayName("one change more than the template's: another thread may have changed")
    void oneChangeMore() {
        client.setState(ThreadState.RECEIVING);
        server.setState(ThreadState.SENDING);
        other.setState(ThreadState.RECEIVING);
        assertFalse(watched.changedExactlyAs(call(), 3));
    }

    @Test
    @DisplayName("a template's thread that did not change, or changed to another state")
    void aThreadOtherwise() {
        client.setState(ThreadState.RECEIVING);
        other.setState(ThreadState.RECEIVING);
        assertFalse(watched.changedExactlyAs(call(), 2), "the server unchanged, the other changed");
        server.setState(ThreadState.AWAITING_DELIVERY);
        assertFalse(watched.changedExactlyAs(call(), 2), "the server in another state");
        server.setState(ThreadState.READY);
        StateChanges toReady = new StateChanges();
        toReady.add(client, ThreadState.RECEIVING, 0);
        toReady.add(server, ThreadState.READY, 1);
        assertFalse(watched.changedExactlyAs(toReady, 2), "the server in its state already (the other's change counted)");
    }

    @Test
    @DisplayName("a template whose threads have moved among the watched ones, or a thread watched since the last scan")
    void stalePlaces() {
        client.setState(ThreadState.RECEIVING);
        server.setState(ThreadState.SENDING);
        StateChanges moved = new StateChanges();
        moved.add(client, ThreadState.RECEIVING, 1);
        moved.add(server, ThreadState.SENDING, 0);
        assertFalse(watched.changedExactlyAs(moved, 2), "places swapped");
        StateChanges beyond = new StateChanges();
        beyond.add(client, ThreadState.RECEIVING, 7);
        assertFalse(watched.changedExactlyAs(beyond, 1), "a place beyond the watched");
        watched.add(other);
        assertFalse(watched.changedExactlyAs(call(), 2), "a thread not yet recorded");
    }
}
