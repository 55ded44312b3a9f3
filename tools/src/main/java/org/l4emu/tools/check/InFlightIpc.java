package org.l4emu.tools.check;

import java.util.ArrayList;
import java.util.List;

/**
 * One IPC with monitors on its path, from the true source's send to final delivery: the
 * checker's own record, built from send, forward, redirect and deliver events (M1-M6).
 */
final class InFlightIpc {
    final ThreadModel trueSource;
    final boolean unreliable;
    /** The source's send timeout (16-bit encoding): M4 counts it from the check. */
    final int sourceSendTimeout;
    /** A page-fault or exception message the kernel sends for the source: deceit forwards of it keep the kernel flag (R4). */
    final boolean kernelMessage;
    ThreadModel blocked;
    ThreadModel destination;
    /** The monitor of the path that received the IPC last (or took over its source's wait). */
    ThreadModel holder;
    List<Hop> path;
    /** The controlling monitor (M6): the last to forward with option 6 or 7, or the one control was handed back to. */
    ThreadModel controller;
    /** Every monitor that controlled this IPC, in the order they last took control (option 2 hands back, M6). */
    private final List<ThreadModel> controllers = new ArrayList<>(2);
    long delayMicros;
    long m4PassedAt = -1;
    /**
     * The deadline of the source's send timeout at the M4 check, which a forward that took the
     * source's waiting send over keeps (R3, M4), or NO_DEADLINE.
     */
    long m4Deadline = ThreadModel.NO_DEADLINE;
    boolean finallyDelivered;
    long finalDeliveryAt = -1;
    /**
     * The error code (MR4) of the last controller notification about this IPC: the ending its
     * source is held after, which it gets if the controlling monitor dies (M6 settled); -1: none.
     */
    int heldErrorCode = -1;

    InFlightIpc(ThreadModel trueSource, ThreadModel destination, List<Hop> path, int sourceSendTimeout,
                boolean unreliable, long delayMicros, boolean kernelMessage) {
        this.trueSource = trueSource;
        this.blocked = trueSource;
        this.destination = destination;
        this.path = path;
        this.sourceSendTimeout = sourceSendTimeout;
        this.unreliable = unreliable;
        this.delayMicros = delayMicros;
        this.kernelMessage = kernelMessage;
    }

    int indexOf(ThreadModel monitor) {
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).monitor() == monitor) {
                return i;
            }
        }
        return -1;
    }

    boolean onPath(ThreadModel monitor) {
        return indexOf(monitor) >= 0;
    }

    /** M6: a forward with option 6 or 7 makes {@code monitor} the controlling monitor (the last one wins). */
    void takeControl(ThreadModel monitor) {
        controllers.remove(monitor);
        controllers.add(monitor);
        controller = monitor;
    }

    /**
     * M6 (docs/spec-decisions.md, option 2): {@code earlier}, which controlled the IPC before,
     * received the notification the controlling monitor {@code from} passed on: the decision is
     * that monitor's again, and those that took control after it are forgotten. An option 2
     * between other monitors changes nothing, and so does one that fails (R3, M3).
     */
    void handControlBack(ThreadModel from, ThreadModel earlier) {
        int at = controllers.indexOf(earlier);
        if (from != controller || at < 0 || earlier == from) {
            return;
        }
        controllers.subList(at + 1, controllers.size()).clear();
        controller = earlier;
    }

    /** M5: the smallest non-zero delay timeout given wins. */
    void limitDelay(long micros) {
        if (micros > 0 && (delayMicros == 0 || micros < delayMicros)) {
            delayMicros = micros;
        }
    }

    /** The virtual time (ns) after which final delivery is too late, or -1 when none applies yet. */
    long delayDeadline() {
        return delayMicros == 0 || m4PassedAt < 0 ? -1 : m4PassedAt + delayMicros * 1000;
    }

    /** R5: the path keeps what lies up to the forwarder and goes on with {@code rest}. */
    void redirect(ThreadModel forwarder, ThreadModel newDestination, List<Hop> rest) {
        List<Hop> updated = new ArrayList<>(path.subList(0, indexOf(forwarder) + 1));
        updated.addAll(rest);
        path = updated;
        destination = newDestination;
    }
}
