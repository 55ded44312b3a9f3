package org.l4emu.tools.fuzz.kernel;

import java.util.SplittableRandom;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.ipc.IpcError;
import org.l4emu.kernel.ipc.MonitoredIpc;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;

/**
 * The {@code monitor-forward} class: forwards with every option (0-7) and arbitrary parameter
 * blocks, naming true and blocked sources of unrelated threads, from monitors and from threads
 * no rule names; error, unblocking and notification IPC to any thread. Where the rule model
 * says the forward cannot be permitted (R3: no rule whose source matches the true source names
 * the forwarder, and no IPC of the true source holds it; M9: the sender was never named by
 * any rule), the call must fail at once with error 6 (or 2 or 9, which the checks before it
 * may give). Also what a monitor does with the message it received (R2, R3, R5).
 */
final class MonitorForwards extends Generator {
    private static final int UNRELIABLE = 0;
    private static final int ERROR = 1;
    private static final int NOTIFICATION = 2;
    private static final int UNBLOCKING = 3;
    private static final int DECEIT = 4;
    private static final int[] REFUSED = {IpcError.NOT_PERMITTED.code(), IpcError.NO_PARTNER.code(),
        IpcError.INVALID_ARGUMENT.code()};

    MonitorForwards(FuzzWorld world) {
        super(world);
    }

    @Override
    Step next(FuzzThread me) {
        SplittableRandom random = me.random();
        int pick = random.nextInt(100);
        FuzzThread.Kept kept = me.kept();
        if (pick < 60) {
            int trueSource = pickTrueSource(me);
            int blocked = pickBlockedSource(me);
            int to = kept != null && chance(random, 30) ? kept.intendedReceiver()
                    : chance(random, 80) ? world.anyKnown(random).id() : world.threadId(me);
            return forward(me, DECEIT + random.nextInt(4), to, trueSource, blocked);
        } else if (pick < 75) {
            int option = chance(random, 40) ? ERROR : chance(random, 60) ? UNBLOCKING : NOTIFICATION;
            return option(me, option, pickBlockedSource(me), pickBlockedSource(me));
        } else if (pick < 85) {
            world.writeParameterBlock(me, world.threadId(me), world.threadId(me), world.threadId(me),
                    random.nextInt(3000));
            return ipc(me, world.threadId(me), chance(random, 50) ? ThreadId.NIL : ThreadId.ANY,
                    Encodings.timeouts(FuzzWorld.shortTimeout(random), FuzzWorld.shortTimeout(random)),
                    Encodings.descriptor(world.parameterBlock(me), UNRELIABLE));
        } else if (pick < 95) {
            // P2: O = 0 with option bits is an invalid argument, whatever else the call says.
            world.writeUtcb(me, Utcb.MR0, 0);
            me.expect(Expectation.failsAtOnce("P2: O = 0 with option bits must be error 9",
                    IpcError.INVALID_ARGUMENT.code()));
            return ipc(me, world.anyKnown(random).id(), ThreadId.NIL, Encodings.timeouts(Encodings.ZERO, 0),
                    world.parameterBlock(me) | (1 + random.nextInt(7)) << 1);
        }
        world.writeParameterBlock(me, random.nextInt(), random.nextInt(), random.nextInt(), random.nextInt());
        return ipc(me, world.threadId(me), ThreadId.NIL, Encodings.timeouts(FuzzWorld.shortTimeout(random), 0),
                Encodings.descriptor(world.parameterBlock(me), random.nextInt(8)));
    }

    /** What a monitor does with the message it kept: forward it, end or release its source, pass a notification, drop it. */
    Step act(FuzzThread me) {
        SplittableRandom random = me.random();
        FuzzThread.Kept kept = me.kept();
        if (chance(random, 70)) {
            me.setKept(null);
        }
        int pick = random.nextInt(100);
        if (pick < 62) {
            int to = chance(random, 85) ? kept.intendedReceiver() : world.threadId(me);
            return forward(me, DECEIT + random.nextInt(4), to, kept.from(), kept.blockedSource());
        } else if (pick < 74) {
            return option(me, ERROR, kept.blockedSource(), random.nextInt());
        } else if (pick < 86) {
            return option(me, UNBLOCKING, kept.blockedSource(), 0);
        } else if (pick < 94) {
            return option(me, NOTIFICATION, world.threadId(me), kept.blockedSource());
        }
        return serveNothing(me);
    }

    private Step serveNothing(FuzzThread me) {
        return openWait(me);
    }

    private int pickTrueSource(FuzzThread me) {
        SplittableRandom random = me.random();
        int pick = random.nextInt(100);
        if (pick < 45) {
            return world.anyKnown(random).id();
        } else if (pick < 65) {
            return me.lastFrom();
        } else if (pick < 85 && me.kept() != null) {
            return me.kept().from();
        }
        return world.threadId(me);
    }

    /** Mostly a thread whose send waits for final delivery right now: the blocked source of someone's IPC. */
    private int pickBlockedSource(FuzzThread me) {
        SplittableRandom random = me.random();
        if (chance(random, 50)) {
            FuzzThread waiting = world.live(random, ThreadState.AWAITING_DELIVERY);
            if (waiting != null) {
                return waiting.id();
            }
        }
        return me.kept() != null && chance(random, 50) ? me.kept().blockedSource() : world.threadId(me);
    }

    private Step forward(FuzzThread me, int option, int to, int trueSource, int blockedSource) {
        SplittableRandom random = me.random();
        int controller = chance(random, 60) ? me.id() : world.threadId(me);
        world.writeParameterBlock(me, trueSource, blockedSource, controller,
                chance(random, 70) ? 0 : random.nextInt(2000));
        if (to != ThreadId.NIL) {
            expectRefusal(me, trueSource);
        }
        return ipc(me, to, ThreadId.NIL, Encodings.timeouts(FuzzWorld.timeout(random), 0),
                Encodings.descriptor(world.parameterBlock(me), option));
    }

    private Step option(FuzzThread me, int option, int to, int mr1) {
        world.message(me, Encodings.tag(0, 1, 0), mr1);
        Thread self = me.thread();
        if (to != ThreadId.NIL && !world.rules().everNamed(self)) {
            me.expect(Expectation.failsAtOnce("M9: options 1-3 from " + me + ", which no rule ever named, are not "
                    + "permitted", REFUSED));
        }
        return ipc(me, to, ThreadId.NIL, Encodings.timeouts(FuzzWorld.timeout(me.random()), 0),
                Encodings.descriptor(0, option));
    }

    /** R3: a deceit whose true source no rule ties to the forwarder, nor any IPC of that source, is refused. */
    private void expectRefusal(FuzzThread me, int trueSource) {
        Thread source = world.kernel().view().threads().lookup(trueSource);
        if (source == null || world.rules().namesMonitorFor(me.thread(), source)) {
            return;
        }
        MonitoredIpc ipc = source.monitoredIpc();
        if (ipc != null && ipc.onPath(me.thread())) {
            return;
        }
        me.expect(Expectation.failsAtOnce("R3: no rule whose source matches the true source " + source
                + " names the forwarder, so its deceit must be refused", REFUSED));
    }
}
