package org.l4emu.tools.fuzz.kernel;

import java.util.SplittableRandom;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;

/**
 * The {@code kernel-pages} class: map and grant aimed at what a guest must never lose or
 * receive over. As a receiver, a thread opens its window over the boot info page, the UTCB
 * area, the first and last user pages or the kernel's range; as a sender, it maps its source
 * pages, its boot info page, its UTCB page or its code there (send base aimed at the target),
 * and grants its boot info and UTCB pages away. S5: kernel-owned pages and addresses outside the
 * user range never receive a mapping (error 4); the kernel-owned pages stay in their task.
 */
final class KernelPageAttacks extends Generator {
    private static final long WHOLE_SPACE = 0;

    KernelPageAttacks(FuzzWorld world) {
        super(world);
    }

    @Override
    Step next(FuzzThread me) {
        SplittableRandom random = me.random();
        if (chance(random, 40)) {
            window(me, hostileWindow(me));
            return openWait(me);
        }
        FuzzThread receiver = world.live(random, ThreadState.RECEIVING);
        int to = receiver != null ? receiver.id() : world.threadId(me);
        long target = target(me, receiver);
        boolean grant = chance(random, 25);
        world.message(me, Encodings.tag(random.nextInt(), 0, 2),
                Encodings.item(target, grant ? Encodings.GRANT : Encodings.MAP), source(me, grant));
        return ipc(me, to, ThreadId.NIL, Encodings.timeouts(FuzzWorld.shortTimeout(random), 0), 0);
    }

    /** A window over a kernel-owned page, an edge of the user range, the kernel's range, or everything. */
    private int hostileWindow(FuzzThread me) {
        SplittableRandom random = me.random();
        return switch (random.nextInt(8)) {
            case 0 -> Fpages.around(UserLayout.BOOT_INFO & 0xFFFF_FFFFL, 12 + random.nextInt(5), 7);
            case 1 -> Fpages.around(me.thread().utcbAddress() & 0xFFFF_FFFFL, 12 + random.nextInt(9), 7);
            case 2 -> Fpages.around(0xBFFF_F000L, 12, 7);
            case 3 -> Fpages.around(0, 12 + random.nextInt(5), 7);
            case 4 -> Fpages.around(UserLayout.USER_END, 12 + random.nextInt(19), 7);
            case 5 -> Fpages.around(0x8000_0000L, 31, 7);
            case 6 -> Fpages.around(0xFFFF_F000L, 12, 7);
            default -> Encodings.fpage(WHOLE_SPACE, 32, 7);
        };
    }

    /** Where the item should land: the receiver's boot info or UTCB page, an edge, the kernel's range. */
    private long target(FuzzThread me, FuzzThread receiver) {
        SplittableRandom random = me.random();
        return switch (random.nextInt(7)) {
            case 0, 1 -> UserLayout.BOOT_INFO & 0xFFFF_FFFFL;
            case 2 -> (receiver != null ? receiver : me).thread().utcbAddress() & 0xFFFF_F000L;
            case 3 -> 0;
            case 4 -> 0xBFFF_F000L;
            case 5 -> UserLayout.USER_END + random.nextInt(0x1000) * 4096L;
            default -> Fpages.sendBase(random);
        };
    }

    /** What to send: a source page, the boot info page, the sender's UTCB page or code page. */
    private int source(FuzzThread me, boolean grant) {
        SplittableRandom random = me.random();
        return switch (random.nextInt(grant ? 3 : 4)) {
            case 0 -> Fpages.around(UserLayout.BOOT_INFO & 0xFFFF_FFFFL, 12, 7);
            case 1 -> Fpages.around(me.thread().utcbAddress() & 0xFFFF_FFFFL, 12, 7);
            case 2 -> sourcePage(random, 7);
            default -> Fpages.around(0x10000, 12, 7);
        };
    }
}
