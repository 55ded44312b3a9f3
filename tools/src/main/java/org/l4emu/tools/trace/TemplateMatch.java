package org.l4emu.tools.trace;

import org.l4emu.emulator.CpuContext;
import org.l4emu.kernel.object.Thread;

/**
 * An ipc trap followed against its thread's template as its events come (version 4): while each
 * event is the template's, nothing is copied, so that a repeated trap costs its comparisons
 * alone. The first event that differs makes the trap what holding it whole would have made
 * ({@link #into}), and the recorder goes on from there.
 */
final class TemplateMatch {
    /** The template matched so far, or null when no trap is being matched. */
    private IpcTrap template;
    private boolean sent;
    private boolean delivered;
    /** How many message words the send had: the recorder read them into its sent words. */
    private int wordCount;

    /** True when a trap is being matched. */
    boolean active() {
        return template != null;
    }

    IpcTrap template() {
        return template;
    }

    int wordCount() {
        return wordCount;
    }

    /** Starts matching {@code thread}'s ipc syscall against {@code template}: true when its arguments are the template's. */
    boolean begin(IpcTrap template, Thread thread, int number) {
        if (template.thread != thread || template.number != number) {
            return false;
        }
        CpuContext context = thread.context();
        for (int i = 0; i < template.argumentCount; i++) {
            if (context.argument(i) != template.arguments[i]) {
                return false;
            }
        }
        this.template = template;
        sent = false;
        delivered = false;
        wordCount = 0;
        return true;
    }

    /** True when this send is the template's (held as called, the same tag): its words are read next, {@code count} of them. */
    boolean send(Thread sender, int to, int tag, int sendDescriptor) {
        return !sent && template.sent && sender == template.thread && tag == template.tag
                && to == template.arguments[TraceFormat.IPC_TO_ARGUMENT]
                && sendDescriptor == template.arguments[TraceFormat.IPC_SEND_DESCRIPTOR_ARGUMENT];
    }

    void sent(int count) {
        sent = true;
        wordCount = count;
    }

    /** True when a delivery to {@code receiver} can be the template's (its sent message, whole, is checked by the recorder). */
    boolean delivery(Thread sender, Thread receiver) {
        return sent && !delivered && receiver == template.receiver && sender == template.thread;
    }

    void delivered() {
        delivered = true;
    }

    /** True when the trap, ended, has the template's send and delivery (its state changes are checked apart). */
    boolean complete() {
        return sent == template.sent && delivered == (template.receiver != null);
    }

    /** Makes {@code trap} the trap as held whole so far (the send's words are {@code sentWords}), and matches no more. */
    void into(IpcTrap trap, int[] sentWords) {
        trap.startLike(template);
        if (sent) {
            trap.send(template.tag, sentWords, wordCount);
        }
        if (delivered) {
            trap.receiver = template.receiver;
        }
        template = null;
    }

    /** Matches no more (the trap was written as a repeat). */
    void end() {
        template = null;
    }
}
