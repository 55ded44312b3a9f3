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
    /** Thread numbers no thread ever has. */
    private static final int NONEXISTENT_NUMBERS = 4000;
    private static final int KERNEL_NUMBERS = ThreadId.FIRST_USER_NUMBER;

    private final Kernel kernel;
    private final ScriptedMachine machine;
    private final PhysicalMemory memory;
    private final long seed;
    private final RuleModel rules;
    private final long bootInfoFrame;
    private final List<FuzzThread> known = new ArrayList<>();
    private final int bootThreads;

    FuzzWorld(Kernel kernel, ScriptedMachine machine, long seed) {
        this.kernel = kernel;
        this.machine = machine;
        this.memory = machine.memory();
        this.seed = seed;
        this.rules = new RuleModel(kernel.threads(), FuzzSystem.REDIRECTS, FuzzSystem.ALLOWS);
        this.bootInfoFrame = kernel.threads().all().getFirst().task().space().translate(UserLayout.BOOT_INFO);
        for (Thread thread : kernel.threads().all()) {
            of(thread);
        }
        this.bootThreads = known.size();
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

    /** Every thread the fuzzer has seen, boot threads first, the dead ones too (their IDs go stale). */
    List<FuzzThread> known() {
        return known;
    }

    /** The fuzzer's record of {@code thread}, made when first needed (with its UTCB as it is then). */
    FuzzThread of(Thread thread) {
        ScriptedContext context = (ScriptedContext) thread.context();
        if (context.attachment() instanceof FuzzThread fuzz) {
            return fuzz;
        }
        FuzzThread fuzz = new FuzzThread(thread, context, new SplittableRandom(seed ^ mix(thread.id())), roleOf(thread),
                kernel.utcbWord(thread, Utcb.PAGER));
        for (int word = 0; word < FuzzThread.UTCB_WORDS; word++) {
            fuzz.setShadow(word, kernel.utcbWord(thread, word));
        }
        context.attach(fuzz);
        known.add(fuzz);
        return fuzz;
    }

    /** The fuzzer's record of the thread running on {@code context}. */
    FuzzThread of(ScriptedContext context) {
        if (context.attachment() instanceof FuzzThread fuzz) {
            return fuzz;
        }
        List<Thread> all = kernel.threads().all();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).context() == context) {
                return of(all.get(i));
            }
        }
        throw new IllegalStateException("no kernel thread runs on " + context);
    }

    private FuzzThread.Role roleOf(Thread thread) {
        if (known.size() >= bootThreadsOrAll()) {
            return FuzzThread.Role.CREATED;
        }
        return switch (thread.task().name()) {
            case FuzzSystem.KEEPER -> FuzzThread.Role.KEEPER;
            case FuzzSystem.ROOT -> FuzzThread.Role.ROOT;
            default -> FuzzThread.Role.FUZZER;
        };
    }

    private int bootThreadsOrAll() {
        return bootThreads == 0 ? Integer.MAX_VALUE : bootThreads;
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
        return known.get(random.nextInt(known.size()));
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

    /** A thread ID other than the keeper's: the keeper must stay able to kick. */
    int spareKeeper(FuzzThread me, int id) {
        return known.getFirst().id() == id && known.getFirst().role() == FuzzThread.Role.KEEPER ? me.id() : id;
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
