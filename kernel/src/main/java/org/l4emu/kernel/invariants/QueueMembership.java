package org.l4emu.kernel.invariants;

import java.util.Arrays;
import java.util.function.Consumer;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.trace.KernelView;

/**
 * Which threads wait in the ready queues and in the timeout queue, found by walking each queue
 * once per check rather than searching both per thread. Marks are kept by thread number, with
 * the thread they mark, in arrays one instance keeps for every check: nothing is allocated
 * after every trap.
 */
final class QueueMembership {
    private int check;
    private int[] readyMark = new int[64];
    private Thread[] readyThread = new Thread[64];
    private int[] timeoutMark = new int[64];
    private Thread[] timeoutThread = new Thread[64];
    private final Consumer<Thread> markReady = this::markReady;
    private final Consumer<Thread> markTimeout = this::markTimeout;

    void collect(KernelView kernel) {
        check++;
        kernel.forEachQueued(markReady, markTimeout);
    }

    private void markReady(Thread thread) {
        int number = slot(thread);
        readyMark[number] = check;
        readyThread[number] = thread;
    }

    private void markTimeout(Thread thread) {
        int number = slot(thread);
        timeoutMark[number] = check;
        timeoutThread[number] = thread;
    }

    private int slot(Thread thread) {
        int number = ThreadId.number(thread.id());
        if (number >= readyMark.length) {
            int length = Math.max(number + 1, readyMark.length * 2);
            readyMark = Arrays.copyOf(readyMark, length);
            readyThread = Arrays.copyOf(readyThread, length);
            timeoutMark = Arrays.copyOf(timeoutMark, length);
            timeoutThread = Arrays.copyOf(timeoutThread, length);
        }
        return number;
    }

    boolean queuedToRun(Thread thread) {
        int number = ThreadId.number(thread.id());
        return number < readyMark.length && readyMark[number] == check && readyThread[number] == thread;
    }

    boolean pendingTimeout(Thread thread) {
        int number = ThreadId.number(thread.id());
        return number < timeoutMark.length && timeoutMark[number] == check && timeoutThread[number] == thread;
    }
}
