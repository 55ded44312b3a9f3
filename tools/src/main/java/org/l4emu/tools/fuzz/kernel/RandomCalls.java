package org.l4emu.tools.fuzz.kernel;

import java.util.SplittableRandom;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.syscall.KdebugCalls;
import org.l4emu.kernel.syscall.SyscallNumber;
import org.l4emu.kernel.syscall.ThreadCalls;
import org.l4emu.tools.fuzz.FuzzSystem;

/**
 * The {@code random} class: every system call with adversarial arguments (stale, dead, kernel
 * and nonexistent thread IDs, self-IPC, unmapped and kernel pointers, timeouts with bit 15 set,
 * options without rights, u + t > 63, typed items over the source region, undefined numbers),
 * ipc(nilthread, nilthread), and touches of the source region that sigma0 serves. The guest
 * fuzzer's original generator (guest-programs/src/common/fuzz_calls.c), in Java.
 */
final class RandomCalls extends Generator {
    private static final int WINDOW_ADDRESS = 0x7000_0000;
    private static final int WINDOW_LOG2 = 16;
    private static final int[] BAD_POINTERS = {0x0, 0x10, 0xFF0, 0x8000, 0x3000_0000, FuzzSystem.SOURCE_ADDRESS,
        WINDOW_ADDRESS, FuzzSystem.SLOTS_ADDRESS + 0xFF0, 0xBFEF_FFF0, UserLayout.BOOT_INFO, 0xBFFF_FFF0, 0xC000_0000,
        0xFFFF_FFF0};
    private static final int LAST_SYSCALL = SyscallNumber.REDIRECT;

    RandomCalls(FuzzWorld world) {
        super(world);
    }

    @Override
    Step next(FuzzThread me) {
        SplittableRandom random = me.random();
        int pick = random.nextInt(1000);
        if (pick < 620) {
            return ipc(me);
        } else if (pick < 660) {
            return kdebug(me);
        } else if (pick < 700) {
            return syscall(me, SyscallNumber.THREAD_SWITCH, world.threadId(me));
        } else if (pick < 730) {
            return syscall(me, SyscallNumber.SYSTEM_CLOCK, random.nextInt());
        } else if (pick < 810) {
            return exchangeRegisters(me);
        } else if (pick < 830) {
            return threadControl(me);
        } else if (pick < 870) {
            // Now and then undefined flag bits, which make the call an invalid one (P2).
            return syscall(me, SyscallNumber.UNMAP, unmapFpage(random), random.nextInt(10) == 0 ? random.nextInt() & ~1 : 0);
        } else if (pick < 895) {
            return syscall(me, SyscallNumber.REDIRECT, random.nextInt() & (chance(random, 50) ? 0x3FF : ~0),
                    world.threadId(me), world.threadId(me), world.threadId(me));
        } else if (pick < 915) {
            int number = chance(random, 50) ? LAST_SYSCALL + 1 + random.nextInt(248) : random.nextInt() | 0x100;
            return syscall(me, number, random.nextInt(), random.nextInt(), random.nextInt(), random.nextInt());
        } else if (pick < 935) {
            // Valid timeouts and no descriptor: what the kernel might check of them is beside the point.
            me.expect(Expectation.NO_PHASE);
            return ipc(me, ThreadId.NIL, ThreadId.NIL,
                    Encodings.timeouts(FuzzWorld.shortTimeout(random), FuzzWorld.shortTimeout(random)), 0);
        }
        if (me.essential()) {
            // A page of its own region may have lost rights sigma0 does not give back.
            return openWait(me);
        }
        return new Step.Touch(FuzzSystem.SOURCE_ADDRESS + random.nextInt(FuzzSystem.SOURCE_SIZE >> 12) * 4096,
                chance(random, 70) ? Access.READ : Access.WRITE, FuzzWorld.work(random));
    }

    private Step ipc(FuzzThread me) {
        SplittableRandom random = me.random();
        message(me);
        receiveWindow(me);
        int pick = random.nextInt(100);
        if (pick < 40) {
            return ipc(me, world.threadId(me), fromSpec(me), FuzzWorld.timeout(random) << 16 | FuzzWorld.timeout(random),
                    sendDescriptor(me));
        } else if (pick < 54) {
            FuzzThread server = world.live(random, null);
            int to = server == null ? world.threadId(me) : server.id();
            int timeout = FuzzWorld.shortTimeout(random);
            return ipc(me, to, to, Encodings.timeouts(timeout, timeout), 0);
        } else if (pick < 66) {
            return openWait(me);
        } else if (pick < 72) {
            return ipc(me, me.lastFrom(), ThreadId.ANY,
                    Encodings.timeouts(Encodings.ZERO, FuzzWorld.shortTimeout(random)), 0);
        } else if (pick < 76) {
            return ipc(me, me.id(), chance(random, 50) ? me.id() : ThreadId.NIL,
                    Encodings.timeouts(FuzzWorld.shortTimeout(random), FuzzWorld.shortTimeout(random)),
                    sendDescriptor(me));
        } else if (pick < 80) {
            return ipc(me, ThreadId.NIL, me.id(), Encodings.timeouts(0, FuzzWorld.shortTimeout(random)), 0);
        }
        return ipc(me, world.threadId(me), chance(random, 50) ? ThreadId.NIL : fromSpec(me),
                Encodings.timeouts(FuzzWorld.timeout(random), FuzzWorld.shortTimeout(random)), sendDescriptor(me));
    }

    private int fromSpec(FuzzThread me) {
        int pick = me.random().nextInt(100);
        if (pick < 30) {
            return ThreadId.ANY;
        } else if (pick < 45) {
            return ThreadId.NIL;
        } else if (pick < 55) {
            return me.id();
        }
        return world.threadId(me);
    }

    /** A small message, typed items over the source region, u + t > 63, or a noise tag (no typed words). */
    void message(FuzzThread me) {
        SplittableRandom random = me.random();
        int pick = random.nextInt(100);
        if (pick < 70) {
            int untyped = random.nextInt(9);
            world.writeUtcb(me, 0, Encodings.tag(random.nextInt(), untyped, 0));
            for (int i = 1; i <= untyped; i++) {
                world.writeUtcb(me, i, random.nextInt());
            }
        } else if (pick < 82) {
            int untyped = random.nextInt(4);
            int items = 1 + random.nextInt(3);
            int typed = 2 * items + (chance(random, 10) ? 1 : 0);
            world.writeUtcb(me, 0, Encodings.tag(random.nextInt(), untyped, typed));
            for (int i = 1; i <= untyped; i++) {
                world.writeUtcb(me, i, random.nextInt());
            }
            for (int i = 0; i < typed; i += 2) {
                int type = chance(random, 90) ? (chance(random, 70) ? Encodings.MAP : Encodings.GRANT) : random.nextInt(8);
                world.writeUtcb(me, 1 + untyped + i, Encodings.item(random.nextInt(), type));
                world.writeUtcb(me, 2 + untyped + i, sourceFpage(random));
            }
        } else if (pick < 90) {
            world.writeUtcb(me, 0, Encodings.tag(random.nextInt(), 32 + random.nextInt(32), 32 + random.nextInt(32)));
        } else {
            world.writeUtcb(me, 0, random.nextInt() & ~(0x3F << 6));
        }
    }

    /** BR0: the window region, a part of it, or nil. */
    void receiveWindow(FuzzThread me) {
        SplittableRandom random = me.random();
        int log2 = 12 + random.nextInt(WINDOW_LOG2 - 11);
        int offset = random.nextInt(1 << (WINDOW_LOG2 - log2)) << log2;
        window(me, chance(random, 20) ? 0 : Encodings.fpage(WINDOW_ADDRESS + offset, log2, random.nextInt(8)));
    }

    /** An fpage inside the source region (any size up to it), or now and then nil, too large, too small, noise. */
    private static int sourceFpage(SplittableRandom random) {
        if (chance(random, 10)) {
            return random.nextInt();
        }
        if (chance(random, 10)) {
            return Encodings.fpage(FuzzSystem.SOURCE_ADDRESS, chance(random, 50) ? random.nextInt(12)
                    : 17 + random.nextInt(47), random.nextInt(8));
        }
        int log2 = 12 + random.nextInt(5);
        int offset = random.nextInt(1 << (16 - log2)) << log2;
        return Encodings.fpage(FuzzSystem.SOURCE_ADDRESS + offset, log2, random.nextInt(8));
    }

    /** unmap's fpage: mostly the source region; own pages only from there (flag bit 0 is the caller's). */
    private static int unmapFpage(SplittableRandom random) {
        return sourceFpage(random);
    }

    /** None, a parameter block with or without an option, O = 0 with option bits, a bad block, noise. */
    int sendDescriptor(FuzzThread me) {
        SplittableRandom random = me.random();
        int block = world.parameterBlock(me);
        world.writeParameterBlock(me, chance(random, 50) ? me.lastFrom() : world.threadId(me),
                chance(random, 50) && me.kept() != null ? me.kept().blockedSource() : world.threadId(me),
                chance(random, 50) ? me.id() : world.threadId(me),
                chance(random, 70) ? 0 : chance(random, 80) ? random.nextInt(3000) : random.nextInt());
        int pick = random.nextInt(100);
        if (pick < 45) {
            return 0;
        } else if (pick < 60) {
            return block;
        } else if (pick < 80) {
            return Encodings.descriptor(chance(random, 85) ? block : 0, random.nextInt(8));
        } else if (pick < 85) {
            return block | (1 + random.nextInt(7)) << 1;
        } else if (pick < 95) {
            return (pointer(me) & ~0xF) | random.nextInt(16);
        }
        return random.nextInt();
    }

    /** A pointer the kernel may be asked to read: the thread's own UTCB, code, unmapped, kernel, noise. */
    private int pointer(FuzzThread me) {
        SplittableRandom random = me.random();
        int pick = random.nextInt(100);
        if (pick < 40) {
            return me.thread().utcbAddress() + 4 * random.nextInt(128);
        } else if (pick < 50) {
            return 0x10000 + 4 * random.nextInt(64);
        } else if (pick < 85) {
            return BAD_POINTERS[random.nextInt(BAD_POINTERS.length)];
        }
        return random.nextInt();
    }

    private Step kdebug(FuzzThread me) {
        SplittableRandom random = me.random();
        int pick = random.nextInt(100);
        if (pick < 2) {
            return syscall(me, SyscallNumber.KDEBUG, KdebugCalls.PUTC, random.nextInt());
        } else if (pick < 22) {
            int length = chance(random, 50) ? random.nextInt(64)
                    : chance(random, 50) ? KdebugCalls.MAX_WRITE + random.nextInt(2) : random.nextInt();
            int address = length >= 0 && length <= KdebugCalls.MAX_WRITE && length > 64 ? UserLayout.BOOT_INFO
                    : pointer(me);
            return syscall(me, SyscallNumber.KDEBUG, KdebugCalls.WRITE, address, length);
        } else if (pick < 42) {
            return syscall(me, SyscallNumber.KDEBUG, KdebugCalls.BREAKPOINT, random.nextInt());
        } else if (pick < 72) {
            return syscall(me, SyscallNumber.KDEBUG, KdebugCalls.EXIT_THREAD + 1 + random.nextInt(0xFFFF),
                    random.nextInt(), random.nextInt());
        }
        return syscall(me, SyscallNumber.KDEBUG, random.nextInt() | 0x10000, random.nextInt(), random.nextInt());
    }

    private Step exchangeRegisters(FuzzThread me) {
        SplittableRandom random = me.random();
        int dest = world.spared(world.threadId(me));
        int pick = random.nextInt(100);
        if (pick < 35) {
            return syscall(me, SyscallNumber.EXCHANGE_REGISTERS, world.threadId(me), 0, random.nextInt(), random.nextInt());
        } else if (pick < 55) {
            return syscall(me, SyscallNumber.EXCHANGE_REGISTERS, dest,
                    ThreadCalls.CONTROL_HALT | ThreadCalls.CONTROL_RESUME, 0, 0);
        } else if (pick < 65) {
            return syscall(me, SyscallNumber.EXCHANGE_REGISTERS, dest, ThreadCalls.CONTROL_HALT, 0, 0);
        } else if (pick < 75) {
            return syscall(me, SyscallNumber.EXCHANGE_REGISTERS, dest, ThreadCalls.CONTROL_RESUME, 0, 0);
        } else if (pick < 85) {
            return syscall(me, SyscallNumber.EXCHANGE_REGISTERS, dest,
                    ThreadCalls.CONTROL_SET_SP_IP | (random.nextInt() & ThreadCalls.CONTROL_RESUME),
                    UserLayout.MAIN_STACK_TOP, FuzzWorld.RESTART_IP);
        }
        // Undefined control bits are error 9 (P2); half the time only halt and resume, at random.
        int control = random.nextInt() & ~ThreadCalls.CONTROL_SET_SP_IP;
        if (chance(random, 50)) {
            control &= ThreadCalls.CONTROL_HALT | ThreadCalls.CONTROL_RESUME;
        }
        return syscall(me, SyscallNumber.EXCHANGE_REGISTERS, dest, control, random.nextInt(), random.nextInt());
    }

    /** Creation with adversarial arguments (never under a boot thread's number), or deletion from an unprivileged task. */
    private Step threadControl(FuzzThread me) {
        SplittableRandom random = me.random();
        if (!me.privileged() && chance(random, 15)) {
            return syscall(me, SyscallNumber.THREAD_CONTROL, world.spared(world.threadId(me)), ThreadId.NIL, 0, 0);
        }
        int dest = ThreadId.of(FuzzWorld.STRANGER_NUMBERS + random.nextInt(100), random.nextInt(3));
        int space = chance(random, 10) ? dest : world.threadId(me);
        return syscall(me, SyscallNumber.THREAD_CONTROL, dest, space == ThreadId.NIL ? dest : space, world.threadId(me),
                utcbAddress(random));
    }

    /** A UTCB address: a free-looking slot, unaligned, taken, in the kernel's range, or the null page. */
    static int utcbAddress(SplittableRandom random) {
        int pick = random.nextInt(100);
        if (pick < 60) {
            return UserLayout.UTCB_AREA + UserLayout.UTCB_SIZE * (128 + random.nextInt(128));
        } else if (pick < 70) {
            return UserLayout.UTCB_AREA + UserLayout.UTCB_SIZE * random.nextInt(128) + 1 + random.nextInt(511);
        } else if (pick < 80) {
            return UserLayout.UTCB_AREA + UserLayout.UTCB_SIZE * random.nextInt(8);
        } else if (pick < 90) {
            return 0xC000_0000 + UserLayout.UTCB_SIZE * random.nextInt(1024);
        }
        return UserLayout.UTCB_SIZE * random.nextInt(8);
    }
}
