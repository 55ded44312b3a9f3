package org.l4emu.tools.fuzz.kernel;

import java.util.SplittableRandom;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.kernel.syscall.SyscallNumber;
import org.l4emu.kernel.syscall.ThreadCalls;

/**
 * The {@code task-churn} class: the privileged root creates tasks (thread_control with space =
 * dest), adds threads to them, starts them, deletes threads (the last of a task most of all,
 * stopped ones too); every other thread
 * aims its calls at the threads that come and go. P3: deleting a task's last thread frees all
 * it held, so creating and deleting for ever runs in bounded memory; running out of physical
 * memory is error 6, never a host error. (The keeper brings stopped and deleted boot threads back.)
 */
final class TaskChurn extends Generator {
    private static final int MAX_TASKS = 8;
    private static final int UTCB_SLOTS = 8;

    /** The version each created thread number has next (a number's thread is deleted and made anew). */
    private final int[] versions = new int[FuzzWorld.CREATED_NUMBERS];
    private int nextNumber;

    TaskChurn(FuzzWorld world) {
        super(world);
    }

    @Override
    Step next(FuzzThread me) {
        if (me.role() != FuzzThread.Role.ROOT) {
            return aimAtCreated(me);
        }
        SplittableRandom random = me.random();
        int tasks = liveCreatedTasks();
        int pick = random.nextInt(100);
        if (tasks > 0 && (tasks >= MAX_TASKS || pick < 50)) {
            return delete(me);
        }
        if (tasks > 0 && pick < 70) {
            return addThread(me);
        }
        return createTask(me);
    }

    private int liveCreatedTasks() {
        int count = 0;
        for (var task : world.kernel().view().threads().tasks()) {
            if (isCreated(task.firstThread()) && task.liveThreads() > 0) {
                count++;
            }
        }
        return count;
    }

    private static boolean isCreated(Thread thread) {
        int number = ThreadId.number(thread.id());
        return number >= FuzzWorld.FIRST_CREATED_NUMBER && number < FuzzWorld.FIRST_CREATED_NUMBER + FuzzWorld.CREATED_NUMBERS;
    }

    private int newId() {
        for (int tries = 0; tries < FuzzWorld.CREATED_NUMBERS; tries++) {
            int slot = nextNumber++ % FuzzWorld.CREATED_NUMBERS;
            int number = FuzzWorld.FIRST_CREATED_NUMBER + slot;
            if (!world.kernel().view().threads().isNumberInUse(number)) {
                versions[slot] = versions[slot] % ThreadId.VERSION_MASK + 1;
                return ThreadId.of(number, versions[slot]);
            }
        }
        return ThreadId.of(FuzzWorld.FIRST_CREATED_NUMBER, 1);
    }

    private Step createTask(FuzzThread me) {
        SplittableRandom random = me.random();
        int id = newId();
        int utcb = chance(random, 90) ? UserLayout.utcbAddress(random.nextInt(UTCB_SLOTS)) : RandomCalls.utcbAddress(random);
        int pager = chance(random, 80) ? me.id() : world.threadId(me);
        if (chance(random, 60)) {
            me.plan().addLast(m -> start(m, id));
        }
        return syscall(me, SyscallNumber.THREAD_CONTROL, id, id, pager, utcb);
    }

    private Step addThread(FuzzThread me) {
        SplittableRandom random = me.random();
        Thread inTask = createdThread(random);
        if (inTask == null) {
            return createTask(me);
        }
        int id = newId();
        if (chance(random, 70)) {
            me.plan().addLast(m -> start(m, id));
        }
        return syscall(me, SyscallNumber.THREAD_CONTROL, id, inTask.id(), me.id(),
                UserLayout.utcbAddress(random.nextInt(UTCB_SLOTS)));
    }

    private Step start(FuzzThread me, int id) {
        return syscall(me, SyscallNumber.EXCHANGE_REGISTERS, id,
                ThreadCalls.CONTROL_SET_SP_IP | ThreadCalls.CONTROL_RESUME, UserLayout.MAIN_STACK_TOP, FuzzWorld.RESTART_IP);
    }

    /** Deletes a created thread, the last of its task most of the time. */
    private Step delete(FuzzThread me) {
        SplittableRandom random = me.random();
        Thread victim = null;
        for (int tries = 0; tries < 8 && victim == null; tries++) {
            Thread candidate = createdThread(random, true);
            if (candidate != null && (candidate.task().liveThreads() <= 1 || chance(random, 30))) {
                victim = candidate;
            }
        }
        int id = world.spared(victim != null ? victim.id() : world.threadId(me));
        return syscall(me, SyscallNumber.THREAD_CONTROL, id, ThreadId.NIL, 0, 0);
    }

    private Thread createdThread(SplittableRandom random) {
        return createdThread(random, false);
    }

    /** A created thread that is alive, or (for deletion) one a fault stopped, which keeps its task until deleted (P3). */
    private Thread createdThread(SplittableRandom random, boolean orStopped) {
        var all = world.kernel().view().threads().all();
        for (int tries = 0; tries < 16; tries++) {
            Thread thread = all.get(all.size() - 1 - random.nextInt(Math.min(all.size(), 64)));
            if (isCreated(thread) && (thread.isAlive() || orStopped && thread.state() == ThreadState.STOPPED)) {
                return thread;
            }
        }
        return null;
    }

    /** What the others do: call, kick and look at threads that may be gone by now. */
    private Step aimAtCreated(FuzzThread me) {
        SplittableRandom random = me.random();
        Thread created = createdThread(random);
        int id = created != null ? created.id() : world.threadId(me);
        if (chance(random, 50)) {
            id = ThreadId.of(ThreadId.number(id), ThreadId.version(id) + (chance(random, 50) ? 1 : -1));
        }
        return switch (random.nextInt(4)) {
            case 0 -> syscall(me, SyscallNumber.EXCHANGE_REGISTERS, id, 0, 0, 0);
            case 1 -> syscall(me, SyscallNumber.THREAD_CONTROL, world.spared(id), ThreadId.NIL, 0, 0);
            default -> ipc(me, id, chance(random, 50) ? id : ThreadId.NIL,
                    Encodings.timeouts(FuzzWorld.shortTimeout(random), FuzzWorld.shortTimeout(random)), 0);
        };
    }
}
