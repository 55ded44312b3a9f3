package org.l4emu.tools.fuzz.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.ipc.PendingSend;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.syscall.SyscallNumber;

/**
 * The {@code rule-churn} class: the privileged root adds and removes redirect rules while IPCs
 * are in flight (rules whose source and destination are those of IPCs waiting right now, naming
 * the monitors, ordinary threads or threads that are blocked themselves); every other thread
 * keeps IPCs in flight along monitored paths, with long timeouts. Allow rules cannot change at
 * run time: the ABI has no call for them, so they are attacked by the sends and faults that
 * cross them.
 */
final class RuleChurn extends Generator {
    private static final int MAX_RULES = 16;
    private static final int ADD = 0;
    private static final int REMOVE = 1;
    private static final int CLASSES = 3;

    /** The rules root added and has not removed: source, dest, monitor. */
    private final List<int[]> added = new ArrayList<>();

    RuleChurn(FuzzWorld world) {
        super(world);
    }

    @Override
    Step next(FuzzThread me) {
        return me.privileged() && me.role() == FuzzThread.Role.ROOT ? churn(me) : inFlight(me);
    }

    private Step churn(FuzzThread me) {
        SplittableRandom random = me.random();
        if (!added.isEmpty() && (added.size() >= MAX_RULES || chance(random, 45))) {
            int[] rule = added.remove(random.nextInt(added.size()));
            return syscall(me, SyscallNumber.REDIRECT, REMOVE, rule[0], rule[1], rule[2]);
        }
        int source;
        int dest;
        FuzzThread flying = world.live(random, chance(random, 50) ? ThreadState.SENDING : ThreadState.AWAITING_DELIVERY);
        if (flying != null && chance(random, 70)) {
            source = chance(random, 80) ? flying.id() : ThreadId.ANY;
            PendingSend send = flying.thread().pendingSend();
            Thread target = send != null ? send.intendedReceiver()
                    : flying.thread().monitoredIpc() != null ? flying.thread().monitoredIpc().destination() : null;
            dest = target != null && chance(random, 80) ? target.id() : ThreadId.ANY;
        } else {
            source = chance(random, 30) ? ThreadId.ANY : world.anyKnown(random).id();
            dest = chance(random, 30) ? ThreadId.ANY : world.anyKnown(random).id();
        }
        int monitor = monitor(me);
        int monitorClass = chance(random, 95) ? random.nextInt(CLASSES) : CLASSES;
        added.add(new int[] {source, dest, monitor});
        return syscall(me, SyscallNumber.REDIRECT, ADD | monitorClass << 8, source, dest, monitor);
    }

    /**
     * A thread that never stops (FuzzThread.essential: a monitor of the layout, the root),
     * often one blocked itself right now. A rule naming a dead monitor can never be removed
     * (abi.md 3.10: error 2) and stays, fail-closed, for good: one for any source and any
     * destination would end every IPC of the run.
     */
    private int monitor(FuzzThread me) {
        SplittableRandom random = me.random();
        if (chance(random, 30)) {
            FuzzThread blocked = world.live(random, chance(random, 50) ? ThreadState.SENDING : ThreadState.RECEIVING);
            if (blocked != null && blocked.essential() && blocked.role() != FuzzThread.Role.KEEPER) {
                return blocked.id();
            }
        }
        List<FuzzThread> boot = world.bootThreads();
        for (int tries = 0; tries < 8; tries++) {
            FuzzThread candidate = boot.get(random.nextInt(boot.size()));
            if (candidate.essential() && candidate.role() != FuzzThread.Role.KEEPER) {
                return candidate.id();
            }
        }
        return me.id();
    }

    /** A call or send along whatever path: mostly to threads of other tasks, with a timeout long enough to be caught in flight. */
    private Step inFlight(FuzzThread me) {
        SplittableRandom random = me.random();
        FuzzThread to = world.live(random, chance(random, 50) ? ThreadState.RECEIVING : null);
        int destination = to != null ? to.id() : world.threadId(me);
        int send = Encodings.micros(500 + random.nextInt(5000));
        world.message(me, Encodings.tag(random.nextInt(), 2, 0), random.nextInt(), random.nextInt());
        if (chance(random, 60)) {
            return ipc(me, destination, destination, Encodings.timeouts(send, Encodings.micros(random.nextInt(5000))), 0);
        }
        int delay = chance(random, 50) ? 0 : random.nextInt(5000);
        world.writeParameterBlock(me, me.id(), me.id(), me.id(), delay);
        return ipc(me, destination, ThreadId.NIL, Encodings.timeouts(send, 0),
                chance(random, 70) ? world.parameterBlock(me) : Encodings.descriptor(world.parameterBlock(me), 0));
    }
}
