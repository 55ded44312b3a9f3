package org.l4emu.tools.fuzz.kernel;

import java.util.SplittableRandom;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.Trap;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.boot.SystemBuilder;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.syscall.SyscallNumber;
import org.l4emu.tools.fuzz.FuzzSystem;

/**
 * The {@code forged-handlers} class: a thread writes its own Pager or ExceptionHandler word
 * (threads of other tasks across allow and redirect rules, monitors, itself, nil, any, stale,
 * sigma0, interrupt threads, noise), then page-faults (read, write or fetch; unmapped user
 * pages, the null page, the kernel's range) or raises an exception, and afterwards puts its
 * words back. S6: fault messages are IPC on the thread's behalf, so P1 and R1-R5 apply to them
 * exactly as to its own sends; a fault IPC that is not permitted leaves the fault unresolved.
 */
final class ForgedHandlers extends Generator {
    private static final int UNMAPPED = 0x3000_0000;
    private static final Trap.Kind[] KINDS = Trap.Kind.values();
    private static final Access[] ACCESSES = {Access.READ, Access.WRITE, Access.EXECUTE};

    ForgedHandlers(FuzzWorld world) {
        super(world);
    }

    @Override
    Step next(FuzzThread me) {
        SplittableRandom random = me.random();
        boolean exception = chance(random, 35);
        int word = exception ? Utcb.EXCEPTION_HANDLER : Utcb.PAGER;
        int home = exception ? ThreadId.NIL : me.homePager();
        world.writeUtcb(me, word, forged(me));
        me.plan().addLast(m -> {
            world.writeUtcb(m, word, home);
            return syscall(m, SyscallNumber.SYSTEM_CLOCK);
        });
        if (exception) {
            return new Step.Raise(KINDS[random.nextInt(KINDS.length)], random.nextInt(), FuzzWorld.work(random));
        }
        return new Step.Touch(faultAddress(random), ACCESSES[random.nextInt(ACCESSES.length)], FuzzWorld.work(random));
    }

    /** The handler the thread claims: mostly a real thread somewhere else, else anything at all. */
    private int forged(FuzzThread me) {
        SplittableRandom random = me.random();
        int pick = random.nextInt(100);
        if (pick < 60) {
            return world.anyKnown(random).id();
        } else if (pick < 66) {
            return me.id();
        } else if (pick < 70) {
            return SystemBuilder.SIGMA0_ID;
        } else if (pick < 74) {
            return ThreadId.of(2 + random.nextInt(ThreadId.FIRST_USER_NUMBER - 2), 1);
        }
        return world.threadId(me);
    }

    /** Unmapped user pages mostly; the source region (sigma0's, unless the pager is forged), the null page, the kernel's. */
    private static int faultAddress(SplittableRandom random) {
        int pick = random.nextInt(100);
        if (pick < 55) {
            return UNMAPPED + random.nextInt(256) * 4096 + random.nextInt(1024) * 4;
        } else if (pick < 80) {
            return FuzzSystem.SOURCE_ADDRESS + random.nextInt(FuzzSystem.SOURCE_SIZE);
        } else if (pick < 90) {
            return random.nextInt(4096);
        }
        return (int) UserLayout.USER_END + random.nextInt(0x4000_0000);
    }
}
