package org.l4emu.tools.fuzz.kernel;

import java.util.SplittableRandom;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.ipc.Dope;
import org.l4emu.kernel.ipc.MessageTag;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.ThreadId;

/**
 * What keeps a fuzz system going, in no generator class: servers that wait and reply, monitors
 * that act on what was redirected to them, pagers and exception handlers that answer fault
 * messages (a forged Pager word can make any thread one). Their messages come from
 * {@link RandomCalls}, so they are as adversarial as the rest.
 */
final class Support extends Generator {
    static final int PAGE_FAULT_LABEL = 0xFFE0;
    static final int EXCEPTION_LABEL = 0xFFC0;
    private static final int NOTIFICATION_LABEL = 0;
    private static final int MONITOR_NAP_PERCENT = 10;
    private static final int MONITOR_NAP_US = 200;
    private final RandomCalls random;
    private final MonitorForwards monitor;

    Support(FuzzWorld world, RandomCalls random, MonitorForwards monitor) {
        super(world);
        this.random = random;
        this.monitor = monitor;
    }

    /** Looks at what the thread's last call received: a message a monitor keeps, a fault to answer. */
    void afterCall(FuzzThread me) {
        if (!me.receivedLast()) {
            return;
        }
        me.receiving(false);
        int dope = me.context().result(1);
        if (Dope.errorCode(dope) != 0) {
            return;
        }
        int from = me.context().result(0);
        int tag = world.readUtcb(me, Utcb.MR0);
        me.received(from, tag);
        if ((dope & Dope.REDIRECTED_BIT) != 0) {
            me.setKept(new FuzzThread.Kept(from, dope, world.readUtcb(me, Utcb.INTENDED_RECEIVER),
                    world.readUtcb(me, Utcb.BLOCKED_SOURCE), world.readUtcb(me, Utcb.CONTROLLING_MONITOR)));
        } else if ((dope & Dope.OPTION_BIT) != 0 && isKernelMessage(tag) && MessageTag.label(tag) == NOTIFICATION_LABEL) {
            me.setKept(new FuzzThread.Kept(from, dope, world.readUtcb(me, Utcb.MR0 + 3), world.readUtcb(me, Utcb.MR0 + 1),
                    me.id()));
        }
    }

    /** The thread's support step, or null when it acts by a generator class this time. */
    Step next(FuzzThread me, int servingPercent) {
        SplittableRandom r = me.random();
        int tag = me.lastTag();
        if (tag != 0 && isKernelMessage(tag) && chance(r, 90)) {
            me.received(me.lastFrom(), 0);
            int label = MessageTag.label(tag);
            if ((label & ~7) == PAGE_FAULT_LABEL) {
                return answerPageFault(me);
            }
            if (label == EXCEPTION_LABEL) {
                return answerException(me);
            }
        }
        if (me.isMonitor() && me.kept() != null && chance(r, 80)) {
            return monitor.act(me);
        }
        if (me.isMonitor() && chance(r, MONITOR_NAP_PERCENT)) {
            // Monitors run above the fuzzers' priority: one whose calls all fail at once would starve them.
            return sleep(me, MONITOR_NAP_US);
        }
        if (chance(r, servingPercent)) {
            return serve(me);
        }
        return null;
    }

    @Override
    Step next(FuzzThread me) {
        return serve(me);
    }

    /** Reply to the last caller and wait for the next, or just wait. */
    private Step serve(FuzzThread me) {
        SplittableRandom r = me.random();
        int receive = Encodings.micros(100 + r.nextInt(2900));
        random.message(me);
        random.receiveWindow(me);
        if (me.lastFrom() != ThreadId.NIL && chance(r, 80)) {
            return ipc(me, me.lastFrom(), ThreadId.ANY, Encodings.timeouts(Encodings.ZERO, receive), 0);
        }
        return ipc(me, ThreadId.NIL, ThreadId.ANY, Encodings.timeouts(0, receive), 0);
    }

    /** A pager's answer: a page of its source region mapped at the fault address (send base), or nothing. */
    private Step answerPageFault(FuzzThread me) {
        SplittableRandom r = me.random();
        int address = world.readUtcb(me, Utcb.MR0 + 1);
        if (chance(r, 80)) {
            world.message(me, Encodings.tag(0, 0, 2), Encodings.item(address, Encodings.MAP), sourcePage(r, 7));
        } else {
            world.message(me, Encodings.tag(0, 0, 0));
        }
        return ipc(me, me.lastFrom(), ThreadId.NIL, Encodings.timeouts(Encodings.ZERO, 0), 0);
    }

    /** An exception handler's answer: go on at the restart point with the stack it had, or (rarely) nothing. */
    private Step answerException(FuzzThread me) {
        SplittableRandom r = me.random();
        if (chance(r, 85)) {
            world.message(me, Encodings.tag(0, 2, 0), FuzzWorld.RESTART_IP, world.readUtcb(me, Utcb.MR0 + 2));
        } else {
            world.message(me, Encodings.tag(0, 0, 0));
        }
        return ipc(me, me.lastFrom(), ThreadId.NIL, Encodings.timeouts(Encodings.ZERO, 0), 0);
    }

    static boolean isKernelMessage(int tag) {
        return (tag & MessageTag.KERNEL_FLAG) != 0;
    }
}
