package org.l4emu.tools.fuzz.kernel;

import java.util.SplittableRandom;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.syscall.SyscallNumber;

/**
 * The {@code fpages} class: fpages of every size (nil, 2^1..2^63) and alignment in every role
 * a guest can give one: as its own receive window before it waits, as the fpage and send base
 * of map and grant items sent to whoever is receiving, and to unmap (its own pages too). S5:
 * an fpage not aligned to its size or with a size out of range is error 9 wherever it is
 * given, never a host error; the user range and kernel-owned pages never receive a mapping.
 */
final class FpageAttacks extends Generator {
    private static final int UNMAP_OWN = 1;

    FpageAttacks(FuzzWorld world) {
        super(world);
    }

    @Override
    Step next(FuzzThread me) {
        SplittableRandom random = me.random();
        int pick = random.nextInt(100);
        if (pick < 35) {
            window(me, Fpages.any(random));
            return chance(random, 70) ? openWait(me) : callSomeone(me);
        } else if (pick < 75) {
            FuzzThread receiver = world.live(random, ThreadState.RECEIVING);
            loadItems(me);
            int to = receiver != null ? receiver.id() : world.threadId(me);
            return ipc(me, to, ThreadId.NIL, Encodings.timeouts(FuzzWorld.shortTimeout(random), 0), 0);
        }
        return syscall(me, SyscallNumber.UNMAP, Fpages.any(random), chance(random, 30) ? UNMAP_OWN : 0);
    }

    private Step callSomeone(FuzzThread me) {
        SplittableRandom random = me.random();
        FuzzThread server = world.live(random, null);
        int to = server == null ? world.threadId(me) : server.id();
        int timeout = FuzzWorld.shortTimeout(random);
        world.writeUtcb(me, Utcb.MR0, 0);
        return ipc(me, to, to, Encodings.timeouts(timeout, timeout), 0);
    }

    /** 1-3 map or grant items (now and then a malformed type) of any fpage at any send base. */
    private void loadItems(FuzzThread me) {
        SplittableRandom random = me.random();
        int items = 1 + random.nextInt(3);
        int untyped = random.nextInt(3);
        world.writeUtcb(me, Utcb.MR0, Encodings.tag(random.nextInt(), untyped, 2 * items));
        for (int i = 1; i <= untyped; i++) {
            world.writeUtcb(me, i, random.nextInt());
        }
        for (int i = 0; i < items; i++) {
            int type = chance(random, 70) ? Encodings.MAP : chance(random, 70) ? Encodings.GRANT : random.nextInt(8);
            int fpage = chance(random, 60) ? Fpages.any(random) : sourcePage(random, random.nextInt(8));
            world.writeUtcb(me, 1 + untyped + 2 * i, Encodings.item(Fpages.sendBase(random), type));
            world.writeUtcb(me, 2 + untyped + 2 * i, fpage);
        }
    }
}
