package org.l4emu.tools.check;

/**
 * A thread as the checker sees it: identity and UTCB, and where it is in an IPC, as the events
 * so far say (the kernel's own thread control blocks are never consulted).
 */
final class ThreadModel {
    static final long NO_DEADLINE = -1;

    /** Its number in the trace. */
    final int number;
    final int id;
    final String name;
    final TaskModel task;
    final long utcbPage;
    /**
     * From its start or creation event on, until it exits. A thread first defined after its death
     * (the recorder lets dead threads go, and a later event may name one again, such as the
     * intended receiver of a message sent before it died) is never alive.
     */
    boolean alive;
    /** Stopped by a fault it could not have resolved: not running, but still its task's (P3). */
    boolean stopped;

    /** The arguments of its current ipc system call, and when it made it. */
    int ipcTo;
    int ipcFrom;
    int ipcTimeouts;
    long ipcTime = -1;

    /** Its send phase in progress, until the next hop receives the message or the send fails. */
    SendPhase send;
    /** The monitored IPC whose final delivery its send waits for (M1), once a monitor took it. */
    InFlightIpc held;
    /**
     * Its last monitored IPC, once an unreliable send released it at the first hop (M7): the
     * monitors may still carry it on to final delivery (M5); null once it starts another.
     */
    InFlightIpc released;
    boolean receiving;
    int receiveFrom;
    /** Set while its receive phase is that of a page-fault or exception IPC (no timeout). */
    boolean faultReceive;
    long deadline = NO_DEADLINE;
    /** The handler of the fault IPC announced for its next send, or 0. */
    int faultHandler;
    int queuedNotifications;
    /** When a monitor ended its send (unblock event): the error event that follows is part of it. */
    long unblockedAt = -1;
    /** The IPC that unblock ended, for the controller notification that may follow it in the same step. */
    InFlightIpc lastIpc;

    ThreadModel(int number, int id, String name, TaskModel task, int utcbAddress) {
        this.number = number;
        this.id = id;
        this.name = name;
        this.task = task;
        this.utcbPage = Abi.unsigned(utcbAddress) & ~(long) (Abi.PAGE_SIZE - 1);
    }

    /**
     * The IPC it is a blocked source of for options 1 and 3 (M9): held by monitors, or still
     * waiting for the first of them (at the M4 check, or for a busy monitor).
     */
    InFlightIpc blockedSourceIpc() {
        if (held != null) {
            return held;
        }
        InFlightIpc ipc = send == null ? null : send.ipc;
        boolean waiting = ipc != null && ipc.blocked == this && send.nextHopIsMonitor();
        return waiting ? ipc : null;
    }

    /** The IPC it is the blocked source of: held by monitors, or still on its way (M4). */
    InFlightIpc blockedIpc() {
        if (held != null) {
            return held;
        }
        if (send != null && send.ipc != null && send.ipc.blocked == this) {
            return send.ipc;
        }
        return null;
    }

    boolean accepts(int from) {
        return receiving && (receiveFrom == Abi.ANY || receiveFrom == from);
    }

    void startReceive(int from, boolean fault) {
        receiving = true;
        receiveFrom = from;
        faultReceive = fault;
    }

    /** Its IPC is over (ended, failed or cancelled): it runs again. */
    void endIpc() {
        send = null;
        held = null;
        receiving = false;
        faultReceive = false;
    }

    @Override
    public String toString() {
        return name;
    }
}
