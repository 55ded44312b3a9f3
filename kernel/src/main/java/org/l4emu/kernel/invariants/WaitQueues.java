package org.l4emu.kernel.invariants;

import java.util.Arrays;
import java.util.List;
import org.l4emu.kernel.ipc.PendingSend;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;

/**
 * Where each pending send waits: the thread whose incoming or readiness queue holds it, found once
 * per check. A thread sends one message at a time, so each send is filed under its sender's
 * thread number, in arrays that one instance keeps for every check: the checks run after every
 * trap, and this way they allocate and hash nothing.
 */
final class WaitQueues {
    private int check;
    /** By sender's thread number: the check that last filed a send there, the send, where it waits, in how many places. */
    private int[] filedIn = new int[64];
    private PendingSend[] sends = new PendingSend[64];
    private Thread[] holders = new Thread[64];
    private int[] places = new int[64];
    /** Set when two different sends of one sender wait somewhere: neither can then be found (a violation either way). */
    private boolean[] conflicting = new boolean[64];

    /** Records the queues of {@code threads}, forgetting those of the last check. */
    void collect(List<Thread> threads) {
        check++;
        // Most threads wait on nothing: the isEmpty tests keep a check over thousands of them cheap.
        for (int i = 0; i < threads.size(); i++) {
            Thread thread = threads.get(i);
            if (!thread.incoming().isEmpty()) {
                for (PendingSend send : thread.incoming()) {
                    record(send, thread);
                }
            }
            if (!thread.readinessWaiters().isEmpty()) {
                for (PendingSend send : thread.readinessWaiters()) {
                    record(send, thread);
                }
            }
        }
    }

    private void record(PendingSend send, Thread thread) {
        int slot = ThreadId.number(send.sender().id());
        ensureCapacity(slot);
        if (filedIn[slot] != check) {
            filedIn[slot] = check;
            sends[slot] = send;
            holders[slot] = thread;
            places[slot] = 1;
            conflicting[slot] = false;
        } else if (sends[slot] == send) {
            holders[slot] = thread;
            places[slot]++;
        } else {
            conflicting[slot] = true;
        }
    }

    private void ensureCapacity(int slot) {
        if (slot >= filedIn.length) {
            int length = Math.max(slot + 1, filedIn.length * 2);
            filedIn = Arrays.copyOf(filedIn, length);
            sends = Arrays.copyOf(sends, length);
            holders = Arrays.copyOf(holders, length);
            places = Arrays.copyOf(places, length);
            conflicting = Arrays.copyOf(conflicting, length);
        }
    }

    private int slotOf(PendingSend send) {
        int slot = ThreadId.number(send.sender().id());
        return slot < filedIn.length && filedIn[slot] == check && sends[slot] == send && !conflicting[slot] ? slot : -1;
    }

    /** The thread in whose queue {@code send} waits, or null. */
    Thread holderOf(PendingSend send) {
        int slot = slotOf(send);
        return slot < 0 ? null : holders[slot];
    }

    /** In how many queue places {@code send} waits (1 when all is well). */
    int occurrencesOf(PendingSend send) {
        int slot = slotOf(send);
        return slot < 0 ? 0 : places[slot];
    }
}
