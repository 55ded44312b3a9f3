package org.l4emu.tools.trace;

import java.util.Arrays;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.CpuContext;
import org.l4emu.kernel.ipc.MessageTag;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadState;

/**
 * One ipc trap as the kernel reports it, held until the trap ends (version 4): its syscall, the
 * send as called, the delivery of that message whole, then the state changes and the switch.
 * A trap whose events are those of its thread's last template, message words apart, is written
 * as one repeat record; any other event ends the holding, and the trap is written event by event.
 */
final class IpcTrap {
    Thread thread;
    int number;
    final int[] arguments = new int[RecentSyscalls.MAX_ARGUMENTS];
    int argumentCount;
    boolean sent;
    int tag;
    final int[] words = new int[MessageTag.MAX_WORDS];
    int wordCount;
    /** The thread that received the message as sent, or null. */
    Thread receiver;
    private Thread[] changed = new Thread[8];
    private ThreadState[] states = new ThreadState[8];
    int changes;
    boolean switched;
    Thread switchedTo;

    /** A template's thread's number on the wire. */
    int threadNumber;

    /** A syscall: its arguments are read from the thread's registers now. */
    void start(Thread thread, int number) {
        int count = Abi.Syscall.argumentCount(number);
        CpuContext context = thread.context();
        for (int i = 0; i < count; i++) {
            arguments[i] = context.argument(i);
        }
        begin(thread, number, count);
    }

    private void begin(Thread thread, int number, int count) {
        this.thread = thread;
        this.number = number;
        argumentCount = count;
        sent = false;
        wordCount = 0;
        receiver = null;
        changes = 0;
        switched = false;
        switchedTo = null;
    }

    void send(int tag, int[] words, int count) {
        sent = true;
        this.tag = tag;
        copy(words, this.words, count);
        wordCount = count;
    }

    void stateChanged(Thread thread, ThreadState state) {
        if (changes == changed.length) {
            changed = Arrays.copyOf(changed, changes * 2);
            states = Arrays.copyOf(states, changes * 2);
        }
        changed[changes] = thread;
        states[changes++] = state;
    }

    Thread changedThread(int index) {
        return changed[index];
    }

    ThreadState changedState(int index) {
        return states[index];
    }

    void switchTo(Thread next) {
        switched = true;
        switchedTo = next;
    }

    /** True when a template can be made of this trap: no thread died in it (its number may be let go). */
    boolean lasting() {
        for (int i = 0; i < changes; i++) {
            if (states[i] == ThreadState.DEAD) {
                return false;
            }
        }
        return true;
    }

    /** How many events the trap has: its syscall, send, delivery, state changes and switch. */
    int events() {
        return 1 + (sent ? 1 : 0) + (receiver != null ? 1 : 0) + changes + (switched ? 1 : 0);
    }

    /** True when {@code other} has the same events as this one, message words apart. */
    boolean sameAs(IpcTrap other) {
        if (thread != other.thread || number != other.number || sent != other.sent || receiver != other.receiver
                || changes != other.changes || switched != other.switched || switchedTo != other.switchedTo
                || (sent && tag != other.tag) || argumentCount != other.argumentCount) {
            return false;
        }
        for (int i = 0; i < argumentCount; i++) {
            if (arguments[i] != other.arguments[i]) {
                return false;
            }
        }
        for (int i = 0; i < changes; i++) {
            if (changed[i] != other.changed[i] || states[i] != other.states[i]) {
                return false;
            }
        }
        return true;
    }

    /** True when the first {@code count} of {@code values} are the message words held. */
    boolean sameWords(int[] values, int count) {
        if (count != wordCount) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (values[i] != words[i]) {
                return false;
            }
        }
        return true;
    }

    void copyFrom(IpcTrap other) {
        copy(other.arguments, arguments, other.argumentCount);
        begin(other.thread, other.number, other.argumentCount);
        if (other.sent) {
            send(other.tag, other.words, other.wordCount);
        }
        receiver = other.receiver;
        for (int i = 0; i < other.changes; i++) {
            stateChanged(other.changed[i], other.states[i]);
        }
        switched = other.switched;
        switchedTo = other.switchedTo;
    }

    /** A loop, not System.arraycopy: the arrays hold a few words, and the copy's set-up costs more than it. */
    static void copy(int[] from, int[] to, int count) {
        for (int i = 0; i < count; i++) {
            to[i] = from[i];
        }
    }
}
