package org.l4emu.tools.fuzz.kernel;

import java.util.SplittableRandom;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.ipc.PendingSend;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.syscall.SyscallNumber;

/**
 * The {@code utcb-rewrite} class: a thread rewrites a sibling's UTCB (same task, so the same
 * memory) at the worst moments. A sibling blocked in a send gets a tag that is invalid at
 * transfer (u = 63 and t = 62, u + t > 63, an odd t) or malformed typed items, and the attacker
 * receives from it at once when it is the next hop, else lets its next hop run; a sibling
 * blocked in a receive gets an invalid or hostile receive window, and the attacker sends it a
 * mapping straight away. S5: the message is validated at transfer, a delivery never writes
 * beyond MR63, and an invalid window is error 9, never a host error.
 */
final class UtcbRewrites extends Generator {
    UtcbRewrites(FuzzWorld world) {
        super(world);
    }

    @Override
    Step next(FuzzThread me) {
        SplittableRandom random = me.random();
        FuzzThread sender = siblingIn(me, ThreadState.SENDING);
        if (sender != null && chance(random, 70)) {
            return rewriteSender(me, sender);
        }
        FuzzThread receiver = siblingIn(me, ThreadState.RECEIVING);
        if (receiver != null) {
            return rewriteReceiver(me, receiver);
        }
        FuzzThread any = world.sibling(me);
        if (any == null) {
            return syscall(me, SyscallNumber.THREAD_SWITCH, ThreadId.NIL);
        }
        rewriteTag(me, any);
        window(any, Fpages.any(random));
        return syscall(me, SyscallNumber.THREAD_SWITCH, any.id());
    }

    private FuzzThread siblingIn(FuzzThread me, ThreadState state) {
        for (Thread thread : me.thread().task().threads()) {
            if (thread != me.thread() && thread.state() == state) {
                return world.of(thread);
            }
        }
        return null;
    }

    private Step rewriteSender(FuzzThread me, FuzzThread victim) {
        SplittableRandom random = me.random();
        rewriteTag(me, victim);
        PendingSend send = victim.thread().pendingSend();
        Thread hop = send == null ? null : send.nextHop();
        if (hop == me.thread()) {
            // Take the rewritten message now: the kernel reads it at this transfer.
            return ipc(me, ThreadId.NIL, victim.id(), Encodings.timeouts(0, Encodings.ZERO), 0);
        }
        return syscall(me, SyscallNumber.THREAD_SWITCH, hop == null ? ThreadId.NIL : hop.id());
    }

    private Step rewriteReceiver(FuzzThread me, FuzzThread victim) {
        SplittableRandom random = me.random();
        window(victim, Fpages.any(random));
        int items = 1 + random.nextInt(2);
        world.writeUtcb(me, Utcb.MR0, Encodings.tag(random.nextInt(), 0, 2 * items));
        for (int i = 0; i < items; i++) {
            world.writeUtcb(me, 1 + 2 * i, Encodings.item(Fpages.sendBase(random), Encodings.MAP));
            world.writeUtcb(me, 2 + 2 * i, chance(random, 80) ? sourcePage(random, 7) : Fpages.any(random));
        }
        return ipc(me, victim.id(), ThreadId.NIL, Encodings.timeouts(Encodings.ZERO, 0), 0);
    }

    /** The victim's MR0 and typed items become what no sender could have sent at the start. */
    private void rewriteTag(FuzzThread me, FuzzThread victim) {
        SplittableRandom random = me.random();
        int pick = random.nextInt(100);
        int label = random.nextInt();
        if (pick < 35) {
            world.writeUtcb(victim, Utcb.MR0, Encodings.tag(label, 63, 62));
        } else if (pick < 55) {
            int untyped = random.nextInt(64);
            world.writeUtcb(victim, Utcb.MR0, Encodings.tag(label, untyped, 64 - untyped + random.nextInt(untyped + 1)));
        } else if (pick < 70) {
            world.writeUtcb(victim, Utcb.MR0, Encodings.tag(label, random.nextInt(8), 1 + 2 * random.nextInt(8)));
        } else if (pick < 90) {
            int untyped = random.nextInt(4);
            int items = 1 + random.nextInt(3);
            world.writeUtcb(victim, Utcb.MR0, Encodings.tag(label, untyped, 2 * items));
            for (int i = 0; i < items; i++) {
                int word = 1 + untyped + 2 * i;
                world.writeUtcb(victim, word, Encodings.item(Fpages.sendBase(random),
                        chance(random, 30) ? random.nextInt(8) : Encodings.MAP));
                world.writeUtcb(victim, word + 1, Fpages.any(random));
            }
        } else {
            world.writeUtcb(victim, Utcb.MR0, random.nextInt());
        }
    }
}
