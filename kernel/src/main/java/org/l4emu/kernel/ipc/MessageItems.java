package org.l4emu.kernel.ipc;

import org.l4emu.kernel.memory.Fpage;
import org.l4emu.kernel.memory.MappingDatabase;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Task;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.trace.KernelEvents;

/**
 * The typed items of a message (ABI section 2, S5): map and grant items, two words each after
 * the untyped words, applied to the receiver's receive window (BR0) at transfer.
 */
final class MessageItems {
    static final int MAP = 4;
    static final int GRANT = 5;

    private final Utcb utcb;
    private final MappingDatabase mappings;
    private final KernelEvents events;

    MessageItems(Utcb utcb, MappingDatabase mappings, KernelEvents events) {
        this.utcb = utcb;
        this.mappings = mappings;
        this.events = events;
    }

    /** The argument check made before any waiting (P2): pairs of words, each a map or grant of a valid fpage. */
    boolean valid(Thread sender) {
        int tag = utcb.tag(sender);
        int untyped = MessageTag.untypedWords(tag);
        int typed = MessageTag.typedWords(tag);
        if (typed % 2 != 0) {
            return false;
        }
        for (int word = 1 + untyped; word < 1 + untyped + typed; word += 2) {
            int type = (utcb.read(sender, word) >>> 1) & 7;
            if ((type != MAP && type != GRANT) || !Fpage.isValid(utcb.read(sender, word + 1))) {
                return false;
            }
        }
        return true;
    }

    /** True when the message carries an item that is not nil (it needs a receive window). */
    boolean carriesMappings(Thread sender) {
        int tag = utcb.tag(sender);
        int untyped = MessageTag.untypedWords(tag);
        for (int word = 2 + untyped; word < 1 + untyped + MessageTag.typedWords(tag); word += 2) {
            if (!Fpage.of(utcb.read(sender, word)).isNil()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies the items to {@code receiver}'s space. The window is BR0, or the whole space for
     * a reply to a page-fault message (placed by send base). Returns NONE, or MESSAGE_OVERFLOW
     * when the receiver cannot take a mapping (no window, or its mapping quota is used up).
     */
    IpcError transfer(Thread sender, Thread receiver, boolean wholeSpace) {
        int tag = utcb.tag(sender);
        int untyped = MessageTag.untypedWords(tag);
        int br0 = utcb.read(receiver, Utcb.BR0);
        Fpage window = wholeSpace ? Fpage.WHOLE_SPACE : Fpage.of(br0);
        events.itemsTransferring(sender, receiver, wholeSpace, br0);
        for (int word = 1 + untyped; word < 1 + untyped + MessageTag.typedWords(tag); word += 2) {
            int head = utcb.read(sender, word);
            Fpage item = Fpage.of(utcb.read(sender, word + 1));
            if (item.isNil()) {
                continue;
            }
            if (window.isNil()) {
                return IpcError.MESSAGE_OVERFLOW;
            }
            boolean grant = ((head >>> 1) & 7) == GRANT;
            if (!apply(sender.task(), receiver.task(), item, Integer.toUnsignedLong(head & ~0x3FF), window, grant)) {
                return IpcError.MESSAGE_OVERFLOW;
            }
        }
        return IpcError.NONE;
    }

    /** Places {@code item} in {@code window} as L4 X.2 does; false when the quota ran out. */
    private boolean apply(Task from, Task to, Fpage item, long sendBase, Fpage window, boolean grant) {
        long source;
        long target;
        long length;
        if (item.size() <= window.size()) {
            source = item.base();
            length = item.size();
            target = window.base() + ((sendBase % window.size()) & ~(item.size() - 1));
        } else {
            long offset = (sendBase % item.size()) & ~(window.size() - 1);
            source = item.base() + offset;
            length = window.size();
            target = window.base();
        }
        for (int page : mappings.mappedPages(from, source, length)) {
            long destination = target + (Integer.toUnsignedLong(page) - source);
            if (!UserLayout.isUserRange(destination, UserLayout.PAGE_SIZE) || to.isUtcbPage((int) destination)
                    || (grant && from.isUtcbPage(page))) {
                continue;
            }
            MappingDatabase.Outcome outcome = grant
                    ? mappings.grant(from, page, to, (int) destination, item.rights())
                    : mappings.map(from, page, to, (int) destination, item.rights());
            if (outcome == MappingDatabase.Outcome.QUOTA_EXCEEDED) {
                return false;
            }
            if (outcome == MappingDatabase.Outcome.DONE) {
                events.mapped(to, (int) destination, to.space().rights((int) destination).bits());
            }
        }
        return true;
    }
}
