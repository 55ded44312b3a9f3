package org.l4emu.tools.trace;

import org.l4emu.abi.Abi;
import org.l4emu.emulator.CpuContext;
import org.l4emu.kernel.ipc.MessageTag;
import org.l4emu.kernel.object.Thread;

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
    /** The state changes and the switch at the trap's end. */
    final StateChanges after = new StateChanges();

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

    /** The syscall of {@code template}, whose arguments this trap's are. */
    void startLike(IpcTrap template) {
        System.arraycopy(template.arguments, 0, arguments, 0, template.argumentCount);
        begin(template.thread, template.number, template.argumentCount);
    }

    private void begin(Thread thread, int number, int count) {
        this.thread = thread;
        this.number = number;
        argumentCount = count;
        sent = false;
        wordCount = 0;
        receiver = null;
        after.clear();
    }

    void send(int tag, int[] words, int count) {
        sent = true;
        this.tag = tag;
        System.arraycopy(words, 0, this.words, 0, count);
        wordCount = count;
    }

    /** True when a template can be made of this trap: no thread died in it (its number may be let go). */
    boolean lasting() {
        return !after.death();
    }

    /** How many events the trap has: its syscall, send, delivery, state changes and switch. */
    int events() {
        return 1 + (sent ? 1 : 0) + (receiver != null ? 1 : 0) + after.count() + (after.switched ? 1 : 0);
    }

    /** True when {@code other} has the same events as this one, message words apart. */
    boolean sameAs(IpcTrap other) {
        if (thread != other.thread || number != other.number || sent != other.sent || receiver != other.receiver
                || (sent && tag != other.tag) || argumentCount != other.argumentCount || !after.sameAs(other.after)) {
            return false;
        }
        for (int i = 0; i < argumentCount; i++) {
            if (arguments[i] != other.arguments[i]) {
                return false;
            }
        }
        return true;
    }

    void copyFrom(IpcTrap other) {
        startLike(other);
        if (other.sent) {
            send(other.tag, other.words, other.wordCount);
        }
        receiver = other.receiver;
        after.copyFrom(other.after);
    }
}
