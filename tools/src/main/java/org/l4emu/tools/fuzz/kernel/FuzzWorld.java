package org.l4emu.tools.fuzz.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.l4emu.emulator.PhysicalMemory;
import org.l4emu.emulator.scripted.ScriptedContext;
import org.l4emu.emulator.scripted.ScriptedImage;
import org.l4emu.emulator.scripted.ScriptedMachine;
import org.l4emu.kernel.Kernel;
import org.l4emu.kernel.memory.UserLayout;
import org.l4emu.kernel.memory.Utcb;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.object.ThreadId;
import org.l4emu.kernel.object.ThreadState;
import org.l4emu.tools.fuzz.FuzzSystem;

/**
 * Everything the kernel-level generators share: the kernel they drive (looked at for thread
 * identities and states, as a guest sees them through its own calls), each thread's
 * {@link FuzzThread}, the rule model, and the adversarial values every generator draws from.
 * UTCB words are written here, so that each thread's shadow stays what it legitimately holds.
 */
final class FuzzWorld {
    /** Where a restarted thread goes (exchange_registers from the keeper): it drops what it planned. */
    static final int RESTART_IP = ScriptedImage.CODE_ADDRESS + 0x800;
    /** UTCB words 112..115, which the ABI leaves unused: each thread's IPC parameter block, 16-byte aligned. */
    static final int PARAMETER_BLOCK_WORD = 112;
    /** Thread numbers the root gives the threads it creates (never a boot thread's). */
    static final int FIRST_CREATED_NUMBER = 3000;
    static final int CREATED_NUMBERS = 512;
    /** Thread numbers the random class creates threads under (a stranger beside the fuzzers). */
    static final int STRANGER_NUMBERS = 2000;
    /** Thread numbers of the keeper's anchors, one per boot task (in task order). */
    static final int FIRST_ANCHOR_NUMBER = 2900;
    private static final int ANCHOR_NUMBERS = 64;
    /** Where an anchor's UTCB lies in its task: a slot no boot thread and no attack uses. */
    static final int ANCHOR_UTCB_SLOT = 1900;
    /** Thread numbers no thread ever has. */
    private static final int NONEXISTENT_NUMBERS = 4000;
    private static final int KERNEL_NUMBERS = ThreadId.FIRST_USER_NUMBER;
    private static final int RECENT = 256;

    private final Kernel kernel;
    private final ScriptedMachine machine;
    private final PhysicalMemory memory;
    private final long seed;
    private final RuleModel rules;
    private final long bootInfoFrame;
    /** The boot threads, each as its latest incarnation (a revived thread replaces its old record). */
    private final List<FuzzThread> boot = new ArrayList<>();
    /** Boot thread numbers, index by index with {@link #boot}. */
    private final List<Integer> bootNumbers = new ArrayList<>();
    /** The threads made since boot, the latest {@link #RECENT} of them: whom attacks aim at besides the boot threads. */
    private final FuzzThread[] recent = new FuzzThread[RECENT];
    private int recentCount;
    private boolean booting = true;

    FuzzWorld(Kernel kernel, ScriptedMachine machine, long seed) {
        this.kernel = kernel;
        this.machine = machine;
        this.memory = machine.memory();
        this.seed = seed;
        this.rules = new RuleModel(kernel.view().threads(), FuzzSystem.REDIRECTS, FuzzSystem.ALLOWS);
        this.bootInfoFrame = kernel.view().threads().all().getFirst().task().space().translate(UserLayout.BOOT_INFO);
        for (Thread thread : kernel.view().threads().all()) {
            of(thread);
        }
        booting = false;
    }

    Kernel kernel() {
        return kernel;
    }

    ScriptedMachine machine() {
        return machine;
    }

    RuleModel rules() {
        return rules;
    }

    long bootInfoFrame() {
        return bootInfoFrame;
    }

    /**
     * The threads the fuzzer keeps in view: each boot thread's latest incarnation, then the
     * latest threads made since, dead ones too (their IDs go stale). Bounded, so that a long
     * run's attacks keep aiming at threads that matter.
     */
    List<FuzzThread> known() {
        List<FuzzThread> all = new ArrayList<>(boot);
        for (int i = 0; i < Math.min(recentCount, RECENT); i++) {
            all.add(recent[i]);
        }
        return all;
    }

    /** The boot threads, each as its latest incarnation. */
    List<FuzzThread> bootThreads() {
        return boot;
    }

    static boolean isAnchor(int id) {
        int number = ThreadId.number(id);
        return number >= FIRST_ANCHOR_NUMBER && number < FIRST_ANCHOR_NUMBER + ANCHOR_NUMBERS;
    }

    /** The fuzzer's record of {@code thread}, made when first needed (with its UTCB as it is then). */
    FuzzThread of(Thread thread) {
        ScriptedContext context = (ScriptedContext) thread.context();
        if (context.attachment() instanceof FuzzThread fuzz) {
            return fuzz;
        }
        int bootIndex = booting ? boot.size() : bootNumbers.indexOf(ThreadId.number(thread.id()));
        FuzzThread.Role role = bootIndex >= 0 ? roleOf(thread)
                : isAnchor(thread.id()) ? FuzzThread.Role.ANCHOR : FuzzThread.Role.CREATED;
        FuzzThread fuzz = new FuzzThread(thread, context, new SplittableRandom(seed ^ mix(thread.id())), role,
                kernel.view().utcbWord(thread, Utcb.PAGER));
        for (int word = 0; word < FuzzThread.UTCB_WORDS; word++) {
            fuzz.setShadow(word, kernel.view().utcbWord(thread, word));
        }
        context.attach(fuzz);
        if (booting) {
            boot.add(fuzz);
            bootNumbers.add(ThreadId.number(thread.id()));
        } else if (bootIndex >= 0) {
            boot.set(bootIndex, fuzz); // a boot thread brought back under its number
        } else {
            recent[recentCount++ % RECENT] = fuzz;
        }
        return fuzz;
    }

    /** The fuzzer's record of the thread running on {@code context}. */
    FuzzThread of(ScriptedContext context) {
        if (context.attachment() instanceof FuzzThread fuzz) {
            return fuzz;
        }
        List<Thread> all = kernel.view().threads().all();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).context() == context) {
                return of(all.get(i));
            }
        }
        throw new IllegalStateException("no kernel thread runs on " + context);
    }

    private static FuzzThread.Role roleOf(Thread thread) {
        return switch (thread.task().name()) {
            case FuzzSystem.KEEPER -> FuzzThread.Role.KEEPER;
            case FuzzSystem.ROOT -> FuzzThread.Role.ROOT;
            default -> FuzzThread.Role.FUZZER;
        };
    }

    private static long mix(int id) {
        long z = (id + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }

    // ---- UTCB words, written as the thread's task would write them ----

    void writeUtcb(FuzzThread thread, int word, int value) {
        memory.writeWord(thread.thread().utcbPhysical() + 4L * word, value);
        thread.setShadow(word, value);
    }

    int readUtcb(FuzzThread thread, int word) {
        return memory.readWord(thread.thread().utcbPhysical() + 4L * word);
    }

    /** Writes MR0 = {@code tag} and MR1.. = {@code words}. */
    void message(FuzzThread thread, int tag, int... words) {
        writeUtcb(thread, Utcb.MR0, tag);
        for (int i = 0; i < words.length; i++) {
            writeUtcb(thread, Utcb.MR0 + 1 + i, words[i]);
        }
    }

    /** The address of {@code thread}'s parameter block (in its own UTCB). */
    int parameterBlock(FuzzThread thread) {
        return thread.thread().utcbAddress() + 4 * PARAMETER_BLOCK_WORD;
    }

    void writeParameterBlock(FuzzThread thread, int trueSource, int blockedSource, int controllingMonitor,
                             int delayMicros) {
        writeUtcb(thread, PARAMETER_BLOCK_WORD, trueSource);
        writeUtcb(thread, PARAMETER_BLOCK_WORD + 1, blockedSource);
        writeUtcb(thread, PARAMETER_BLOCK_WORD + 2, controllingMonitor);
        writeUtcb(thread, PARAMETER_BLOCK_WORD + 3, delayMicros);
    }

    // ---- threads to aim at ----

    FuzzThread anyKnown(SplittableRandom random) {
        int made = Math.min(recentCount, RECENT);
        int pick = random.nextInt(boot.size() + made);
        return pick < boot.size() ? boot.get(pick) : recent[pick - boot.size()];
    }

    /** A live thread other than the keeper in state {@code state} (null: any state), if one turns up in a few tries. */
    FuzzThread live(SplittableRandom random, ThreadState state) {
        for (int tries = 0; tries < 8; tries++) {
            FuzzThread candidate = anyKnown(random);
            Thread thread = candidate.thread();
            if (thread.isAlive() && candidate.role() != FuzzThread.Role.KEEPER && (state == null || thread.state() == state)) {
                return candidate;
            }
        }
        return null;
    }

    /** A live thread of {@code me}'s own task other than {@code me}, if one turns up in a few tries. */
    FuzzThread sibling(FuzzThread me) {
        List<Thread> threads = me.thread().task().threads();
        for (int tries = 0; tries < 4; tries++) {
            Thread thread = threads.get(me.random().nextInt(threads.size()));
            if (thread != me.thread() && thread.isAlive()) {
                return of(thread);
            }
        }
        return null;
    }

    /** A thread ID as an attacker would pick it: mostly real, often stale, dead, kernel, self, nil, any or noise. */
    int threadId(FuzzThread me) {
        SplittableRandom random = me.random();
        int pick = random.nextInt(100);
        if (pick < 45) {
            return anyKnown(random).id();
        } else if (pick < 53) {
            return me.id();
        } else if (pick < 57) {
            return ThreadId.NIL;
        } else if (pick < 61) {
            return ThreadId.ANY;
        } else if (pick < 69) {
            int id = anyKnown(random).id();
            return ThreadId.of(ThreadId.number(id), ThreadId.version(id) + 1 + random.nextInt(3));
        } else if (pick < 74) {
            return ThreadId.of(NONEXISTENT_NUMBERS + random.nextInt(100), 1);
        } else if (pick < 79) {
            return ThreadId.of(random.nextInt(KERNEL_NUMBERS), 1);
        } else if (pick < 87) {
            return me.lastFrom();
        } else if (pick < 95) {
            return me.kept() == null ? ThreadId.NIL : me.kept().blockedSource();
        }
        return random.nextInt();
    }

    /**
     * {@code id}, unless it names a thread the system cannot do without (the keeper, the root,
     * an anchor, a boot monitor: {@link FuzzThread#essential}): then a stale version of it,
     * which the kernel refuses. For deletions and halts.
     */
    int spared(int id) {
        boolean keeps = isAnchor(id);
        for (FuzzThread spared : boot) {
            keeps |= spared.id() == id && spared.essential();
        }
        return keeps ? ThreadId.of(ThreadId.number(id), ThreadId.version(id) % ThreadId.VERSION_MASK + 1) : id;
    }

    // ---- timeouts ----

    /** One 16-bit timeout: never, zero, short, long, reserved bit 15 set, e = 0, or noise. */
    static int timeout(SplittableRandom random) {
        int pick = random.nextInt(100);
        if (pick < 15) {
            return Encodings.NEVER;
        } else if (pick < 40) {
            return Encodings.ZERO;
        } else if (pick < 70) {
            return shortTimeout(random);
        } else if (pick < 80) {
            return Encodings.micros(300 + random.nextInt(4700));
        } else if (pick < 85) {
            return 31 << 10 | 0x3FF;
        } else if (pick < 90) {
            return 0x8000 | random.nextInt(0x8000);
        } else if (pick < 95) {
            return random.nextInt(0x400);
        }
        return random.nextInt(0x10000);
    }

    /** A finite timeout under 300 us (zero included), never "never". */
    static int shortTimeout(SplittableRandom random) {
        return Encodings.micros(random.nextInt(300));
    }

    /** A small amount of guest work before a step, so that virtual time passes as it would. */
    static long work(SplittableRandom random) {
        return 1 + random.nextInt(64);
    }
}
