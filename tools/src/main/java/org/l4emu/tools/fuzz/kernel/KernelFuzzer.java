package org.l4emu.tools.fuzz.kernel;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.l4emu.abi.Abi;
import org.l4emu.emulator.scripted.Program;
import org.l4emu.emulator.scripted.ScriptedContext;
import org.l4emu.emulator.scripted.Step;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.tools.fuzz.AttackClass;

/**
 * The program every thread of a kernel-level fuzz run executes: what the guest fuzzer's
 * fuzz_loop.c is to its threads. Each time a thread may go on it looks at what its last call
 * received, follows the steps an attack still planned, answers as a server, monitor or pager
 * now and then, and otherwise draws a generator class (weighted by its role, among those
 * enabled) for its next step.
 */
final class KernelFuzzer implements Program {
    private final FuzzWorld world;
    private final Map<AttackClass, Generator> generators = new EnumMap<>(AttackClass.class);
    private final AttackClass[] classes;
    private final int[] fuzzerWeights;
    private final int[] monitorWeights;
    private final int[] rootWeights;
    private final Support support;
    private final Keeper keeper;

    KernelFuzzer(FuzzWorld world, Set<AttackClass> enabled) {
        this.world = world;
        RandomCalls random = new RandomCalls(world);
        MonitorForwards monitors = new MonitorForwards(world);
        generators.put(AttackClass.RANDOM, random);
        generators.put(AttackClass.UTCB_REWRITE, new UtcbRewrites(world));
        generators.put(AttackClass.FPAGES, new FpageAttacks(world));
        generators.put(AttackClass.KERNEL_PAGES, new KernelPageAttacks(world));
        generators.put(AttackClass.FORGED_HANDLERS, new ForgedHandlers(world));
        generators.put(AttackClass.MONITOR_FORWARD, monitors);
        generators.put(AttackClass.RULE_CHURN, new RuleChurn(world));
        generators.put(AttackClass.TASK_CHURN, new TaskChurn(world));
        this.support = new Support(world, random, monitors);
        this.keeper = new Keeper(world);
        this.classes = enabled.stream().sorted().toArray(AttackClass[]::new);
        this.fuzzerWeights = new int[classes.length];
        this.monitorWeights = new int[classes.length];
        this.rootWeights = new int[classes.length];
        for (int i = 0; i < classes.length; i++) {
            fuzzerWeights[i] = classes[i] == AttackClass.RANDOM ? 30 : 10;
            // A boot monitor forges no handlers either: stopped, it would close its paths for good.
            monitorWeights[i] = classes[i] == AttackClass.FORGED_HANDLERS ? 0 : fuzzerWeights[i];
            // The root is the only privileged fuzzer: it forges no handlers, which could stop it for good.
            rootWeights[i] = switch (classes[i]) {
                case RULE_CHURN, TASK_CHURN -> 30;
                case RANDOM -> 20;
                case FORGED_HANDLERS -> 0;
                default -> 4;
            };
        }
    }

    @Override
    public Step next(ScriptedContext context) {
        FuzzThread me = world.of(context);
        if (context.instructionPointer() == FuzzWorld.RESTART_IP) {
            restarted(me);
        }
        support.afterCall(me);
        if (!me.plan().isEmpty()) {
            return me.plan().pollFirst().make(me);
        }
        me.setCurrentClass(null);
        if (me.role() == FuzzThread.Role.KEEPER) {
            return keeper.next(me);
        }
        if (me.role() == FuzzThread.Role.ANCHOR) {
            // It only waits, for a message nobody sends (the keeper's), so that its task is never empty;
            // with a nil window, as a wait with whatever its UTCB slot held there would fail at once (S5, P2).
            world.writeUtcb(me, Utcb.BR0, Abi.Fpage.NIL);
            return Generator.ipc(me, ThreadId.NIL, world.bootThreads().getFirst().id(),
                    Encodings.timeouts(0, Encodings.NEVER), 0);
        }
        Step step = support.next(me, me.servingPercent());
        if (step != null) {
            return step;
        }
        AttackClass chosen = choose(me.random(), me.role() == FuzzThread.Role.ROOT ? rootWeights
                : me.essential() ? monitorWeights : fuzzerWeights);
        if (chosen == null) {
            return support.next(me);
        }
        me.setCurrentClass(chosen);
        return generators.get(chosen).next(me);
    }

    /** The keeper (or a handler's reply) moved the thread to the restart point: it starts over with its own words. */
    private void restarted(FuzzThread me) {
        me.plan().clear();
        me.expect(null); // the call it expected was dropped with the plan
        me.setKept(null);
        world.writeUtcb(me, Utcb.PAGER, me.homePager());
        world.writeUtcb(me, Utcb.EXCEPTION_HANDLER, ThreadId.NIL);
    }

    /** A class in proportion to {@code weights}; null when every enabled class weighs nothing for this role. */
    private AttackClass choose(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        if (total == 0) {
            return null;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            if (pick < weights[i]) {
                return classes[i];
            }
            pick -= weights[i];
        }
        return classes[classes.length - 1];
    }
}
