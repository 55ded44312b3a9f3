package org.l4emu.kernel.ipc;

import java.util.List;
import org.l4emu.abi.Abi;
import org.l4emu.kernel.memory.AccessBits;
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
    /** How applying a message's items to the receiver went (S5, P3). */
    enum Outcome {
        DONE,
        /** The receiver could not take a mapping: no window, a kernel-owned or non-user target, quota: 4 for both. */
        NO_ROOM,
        /** The receiver's window is not a valid fpage: 9 for the receiver, 4 for the sender. */
        BAD_WINDOW,
        /** Physical memory had no room for a page table: 6 for both. */
        OUT_OF_MEMORY
    }

    private final Utcb utcb;
    private final MappingDatabase mappings;
    private final KernelEvents events;

    MessageItems(Utcb utcb, MappingDatabase mappings, KernelEvents events) {
        this.utcb = utcb;
        this.mappings = mappings;
        this.events = events;
    }

    /**
     * The message in {@code sender}'s UTCB is well-formed (S5, P2): u + t at most 63, t even,
     * each item a map or grant of a valid fpage. Checked when the send starts and again at
     * transfer, since other threads of the sender's task may rewrite the UTCB meanwhile.
     */
    boolean wellFormed(Thread sender) {
        int tag = utcb.tag(sender);
        if (!MessageTag.isValid(tag)) {
            return false;
        }
        int untyped = MessageTag.untypedWords(tag);
        int typed = MessageTag.typedWords(tag);
        if (typed % Abi.TypedItem.WORDS != 0) {
            return false;
        }
        for (int word = 1 + untyped; word < 1 + untyped + typed; word += Abi.TypedItem.WORDS) {
            int type = Abi.TypedItem.TYPE.get(utcb.read(sender, word));
            boolean mapOrGrant = type == Abi.ItemType.MAP || type == Abi.ItemType.GRANT;
            if (!mapOrGrant || !Fpage.isValid(utcb.read(sender, word + 1))) {
                return false;
            }
        }
        return true;
    }

    /** True when the message carries an item that is not nil (it needs a receive window). */
    boolean carriesMappings(Thread sender) {
        int tag = utcb.tag(sender);
        int untyped = MessageTag.untypedWords(tag);
        for (int word = 2 + untyped; word < 1 + untyped + MessageTag.typedWords(tag); word += Abi.TypedItem.WORDS) {
            if (!Fpage.of(utcb.read(sender, word)).isNil()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies the items of a well-formed message to {@code receiver}'s space. The window is
     * BR0, or the whole space for a reply to a page-fault message (placed by send base). Items
     * applied before one that fails stay applied.
     */
    Outcome transfer(Thread sender, Thread receiver, boolean wholeSpace) {
        int tag = utcb.tag(sender);
        int untyped = MessageTag.untypedWords(tag);
        int windowWord = utcb.read(receiver, Utcb.BR0);
        events.itemsTransferring(sender, receiver, wholeSpace, windowWord);
        if (!wholeSpace && !Fpage.isValid(windowWord)) {
            return Outcome.BAD_WINDOW;
        }
        Fpage window = wholeSpace ? Fpage.WHOLE_SPACE : Fpage.of(windowWord);
        for (int word = 1 + untyped; word < 1 + untyped + MessageTag.typedWords(tag); word += Abi.TypedItem.WORDS) {
            int head = utcb.read(sender, word);
            Fpage item = Fpage.of(utcb.read(sender, word + 1));
            if (item.isNil()) {
                continue;
            }
            if (window.isNil()) {
                return Outcome.NO_ROOM;
            }
            boolean grant = Abi.TypedItem.TYPE.get(head) == Abi.ItemType.GRANT;
            Outcome outcome = apply(sender.task(), receiver.task(), item,
                    Integer.toUnsignedLong(head & Abi.TypedItem.SEND_BASE_MASK), window, grant);
            if (outcome != Outcome.DONE) {
                return outcome;
            }
        }
        return Outcome.DONE;
    }

    /**
     * Places {@code item} in {@code window} as L4 X.2 does. The sender's kernel-owned pages (its
     * UTCBs, the boot info page) are not its to give and are passed over; an item that would
     * land on a kernel-owned page of the receiver, or outside user memory, is refused whole.
     */
    private Outcome apply(Task from, Task to, Fpage item, long sendBase, Fpage window, boolean grant) {
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
        List<Integer> pages = mappings.mappedPages(from, source, length);
        pages.removeIf(from::isKernelPage);
        for (int page : pages) {
            long destination = target + (Integer.toUnsignedLong(page) - source);
            if (!UserLayout.isUserRange(destination, UserLayout.PAGE_SIZE) || to.isKernelPage((int) destination)) {
                return Outcome.NO_ROOM;
            }
        }
        for (int page : pages) {
            int destination = (int) (target + (Integer.toUnsignedLong(page) - source));
            MappingDatabase.Outcome outcome = grant
                    ? mappings.grant(from, page, to, destination, item.rights())
                    : mappings.map(from, page, to, destination, item.rights());
            switch (outcome) {
                case QUOTA_EXCEEDED -> {
                    return Outcome.NO_ROOM;
                }
                case OUT_OF_MEMORY -> {
                    return Outcome.OUT_OF_MEMORY;
                }
                case DONE -> events.mapped(to, destination, AccessBits.of(to.space().rights(destination)));
                case NOTHING_MAPPED_THERE -> { }
            }
        }
        return Outcome.DONE;
    }
}
