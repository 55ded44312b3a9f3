package org.l4emu.emulator.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.l4emu.emulator.Access;
import org.l4emu.emulator.AddressSpace;
import org.l4emu.emulator.Trap;

/**
 * Differential: random mappings, unmappings, frames freed and handed out again, destroyed
 * spaces, more spaces than tables kept and spaces with many executable pages, and runs (loads,
 * stores, code stores into their own and other spaces' code, iret and far calls through the
 * kernel's MMU index), plain or going on inside the trap from one system call to the next run,
 * on the one-engine machine whose spaces keep their own TLB and on one whose every switch writes
 * CR3 and flushes: each run must trap and leave the registers alike on both.
 *
 * <p>FUZZ_SEEDS, FUZZ_STEPS: more of it; FUZZ_MINIMISE: shrink a failing sequence; FUZZ_POOLED:
 * compare with the engine-per-space design instead (which differs where a far call's push is
 * refused, see X86SupervisorWriteTest).
 */
class X86SpaceTlbsFuzzTest extends X86OwnTlbs {
    private static final int[] PAGES = {0x10000, 0x11000, 0x20000, 0x21000, 0x30000};
    /** The hot pages, then far ones that make a space's executable pages many. */
    private static final int[] ALL_PAGES = new int[5 + 20];
    static {
        int[] hot = {0x10000, 0x11000, 0x20000, 0x21000, 0x30000};
        for (int i = 0; i < ALL_PAGES.length; i++) {
            ALL_PAGES[i] = i < hot.length ? hot[i] : 0x400000 + (i - hot.length) * 0x1000;
        }
    }

    private static int pageIndex(int page) {
        for (int i = 0; i < ALL_PAGES.length; i++) {
            if (ALL_PAGES[i] == page) {
                return i;
            }
        }
        throw new IllegalArgumentException();
    }

    private static final Access[] RIGHTS = {Access.READ, Access.READ_WRITE, Access.READ_EXECUTE, Access.ALL};
    private static final int FRAMES = 10;
    private static final int SPACES = 36;
    private static final int PAD = 0x40;
    private static final int WORDS = 0x800;

    static byte[] contents(int id) {
        return frameContents(id);
    }

    private static byte[] frameContents(int id) {
        byte[] page = new byte[PAGE];
        byte[] program = switch (id % 4) {
            // mov $id,%eax; mov (%esi),%ecx; int $0x80
            case 0 -> X86.concat(X86.movEax(id), LOAD_ECX_FROM_ESI, X86.INT_80);
            // mov $id,%eax; mov %edx,(%edi); int $0x80
            case 1 -> X86.concat(X86.movEax(id), new byte[] {(byte) 0x89, 0x17}, X86.INT_80);
            // mov $id,%eax; iret
            case 2 -> X86.concat(X86.movEax(id), new byte[] {(byte) 0xCF});
            // mov $id,%eax; lcall $0x1b,$pad3; (pad reads the pushed word)
            default -> X86.concat(X86.movEax(id), new byte[] {(byte) 0x9A}, le(0x10000 + PAD + 0x30),
                    new byte[] {0x1B, 0x00});
        };
        System.arraycopy(program, 0, page, 0, program.length);
        for (int j = 0; j < 4; j++) {
            // mov $j,%ebx; mov (%esp),%ebp; int $0x80
            byte[] pad = X86.concat(X86.movEbx(100 * id + j), new byte[] {(byte) 0x8B, 0x2C, 0x24}, X86.INT_80);
            System.arraycopy(pad, 0, page, PAD + 0x10 * j, pad.length);
        }
        int[] words = {PAGES[id % 2] + PAD + 0x10 * (id % 4), 0x1B, 0x202, 0x5000 + id};
        for (int w = 0; w < words.length; w++) {
            System.arraycopy(le(words[w]), 0, page, WORDS + 4 * w, 4);
        }
        return page;
    }

    private static byte[] le(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    private static final class Side {
        final X86Guest guest;
        final long[] frames = new long[FRAMES];
        final List<AddressSpace> spaces = new ArrayList<>();
        /** frame index mapped at (space, page index), or -1. */
        final int[][] mapped = new int[SPACES][ALL_PAGES.length];

        Side(X86Guest guest) {
            this.guest = guest;
            for (int i = 0; i < FRAMES; i++) {
                frames[i] = guest.frame();
                byte[] page = frameContents(i);
                guest.memory.write(frames[i], page, 0, page.length);
            }
            for (int i = 0; i < SPACES; i++) {
                spaces.add(guest.newSpace());
                java.util.Arrays.fill(mapped[i], -1);
            }
        }
    }

    /** One step: 0 run (page, esi, edi, esp, edx), 1 map (page, frame, rights), 2 unmap (page), 3 renew. */
    record Op(int kind, int space, int a, int b, int c, int d, int e) {
        @Override
        public String toString() {
            return switch (kind) {
                case 0 -> "run " + space + " at " + Integer.toHexString(a) + " esi " + Integer.toHexString(b) + " edi "
                        + Integer.toHexString(c) + " esp " + Integer.toHexString(d) + " edx " + Integer.toHexString(e);
                case 1 -> "map " + space + " " + Integer.toHexString(a) + " -> " + b + " " + RIGHTS[c];
                case 2 -> "unmap " + space + " " + Integer.toHexString(a);
                case 4 -> "recycle frame " + a;
                default -> "renew " + space;
            };
        }
    }

    static List<Op> ops(long seed, int steps) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Op> ops = new ArrayList<>();
        // The generator's own picture of the rights: -1 unmapped, else an index into RIGHTS.
        int[][] rights = new int[SPACES][ALL_PAGES.length];
        for (int[] row : rights) {
            java.util.Arrays.fill(row, -1);
        }
        for (int s = 0; s < SPACES; s++) {
            ops.add(new Op(1, s, 0x10000, random.nextInt(FRAMES), 2, 0, 0));
            ops.add(new Op(1, s, 0x20000, random.nextInt(FRAMES), 1, 0, 0));
            ops.add(new Op(1, s, 0x30000, random.nextInt(FRAMES), 0, 0, 0));
            rights[s][pageIndex(0x10000)] = 2;
            rights[s][pageIndex(0x20000)] = 1;
            rights[s][pageIndex(0x30000)] = 0;
        }
        for (int step = 0; step < steps; step++) {
            int s = random.nextInt(SPACES);
            int op = random.nextInt(100);
            if (op < 55) {
                int entry = pick(random, rights[s], 2, PAGES);
                int edx = random.nextInt();
                int esi = pick(random, rights[s], 0, PAGES) + WORDS + 4 * random.nextInt(4);
                int edi = random.nextInt(3) == 0 ? pick(random, rights[s], 3, PAGES) + 1
                        : pick(random, rights[s], 1, PAGES) + WORDS + 4 * random.nextInt(4);
                int esp = pick(random, rights[s], random.nextBoolean() ? 1 : 0, PAGES) + WORDS + (random.nextBoolean() ? 0 : 0x100);
                ops.add(new Op(0, s, entry, esi, edi, esp, edx));
            } else if (op < 58) {
                int far = 5 + random.nextInt(ALL_PAGES.length - 5);
                if (random.nextBoolean() || rights[s][far] < 2) {
                    int r = 2 + random.nextInt(2);
                    ops.add(new Op(1, s, ALL_PAGES[far], random.nextInt(FRAMES), r, 0, 0));
                    rights[s][far] = r;
                } else {
                    int page = ALL_PAGES[far];
                    ops.add(new Op(0, s, page, page + WORDS, page + 1, page + WORDS, random.nextInt()));
                }
            } else if (op < 60) {
                ops.add(new Op(4, s, random.nextInt(FRAMES), 0, 0, 0, 0));
                // The generator does not track which spaces lost the frame: its picture only biases choices.
            } else if (op < 85) {
                int page = random.nextInt(PAGES.length);
                int r = random.nextInt(RIGHTS.length);
                ops.add(new Op(1, s, PAGES[page], random.nextInt(FRAMES), r, 0, 0));
                rights[s][page] = r;
            } else if (op < 97) {
                int page = random.nextInt(PAGES.length);
                ops.add(new Op(2, s, PAGES[page], 0, 0, 0, 0));
                rights[s][page] = -1;
            } else {
                ops.add(new Op(3, s, 0, 0, 0, 0, 0));
                java.util.Arrays.fill(rights[s], -1);
            }
        }
        return ops;
    }

    /**
     * Mostly a hot page with the rights asked for (0 readable, 1 writable, 2 executable, 3 both of
     * the last), sometimes any page.
     */
    private static int pick(SplittableRandom random, int[] rights, int wanted, int[] pages) {
        if (random.nextInt(10) > 0) {
            int[] fitting = new int[pages.length];
            int count = 0;
            for (int i = 0; i < pages.length; i++) {
                int r = rights[i];
                boolean fits = r >= 0 && switch (wanted) {
                    case 0 -> true;
                    case 1 -> r == 1 || r == 3;
                    case 2 -> r == 2 || r == 3;
                    default -> r == 3;
                };
                if (fits) {
                    fitting[count++] = pages[i];
                }
            }
            if (count > 0) {
                return fitting[random.nextInt(count)];
            }
        }
        return pages[random.nextInt(pages.length)];
    }

    @Test
    void randomRunsMatchAMachineThatFlushesAtEverySwitch() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            chained = CHAINED || seed % 2 == 0;
            List<Op> ops = ops(seed, STEPS);
            String failure = replay(ops);
            if (failure != null && MINIMISE) {
                ops = minimise(ops);
                failure = replay(ops);
                StringBuilder text = new StringBuilder();
                for (Op op : ops) {
                    text.append(op).append('\n');
                }
                failure = text + failure;
            }
            assertEquals(null, failure, "seed " + seed + (chained ? ", chained" : ""));
        }
    }

    private static final long SEEDS = Long.parseLong(System.getenv().getOrDefault("FUZZ_SEEDS", "4"));
    private static final boolean REFERENCE_POOLED = System.getenv("FUZZ_POOLED") != null;
    private static final int STEPS = Integer.parseInt(System.getenv().getOrDefault("FUZZ_STEPS", "1500"));
    private static final boolean MINIMISE = System.getenv("FUZZ_MINIMISE") != null;

    private List<Op> minimise(List<Op> ops) {
        // Cut at the failing run, then drop chunks and single steps while it still fails.
        List<Op> current = new ArrayList<>(ops);
        for (int chunk = current.size() / 2; chunk >= 1; chunk /= 2) {
            for (int i = 0; i + chunk <= current.size(); ) {
                List<Op> trial = new ArrayList<>(current.subList(0, i));
                trial.addAll(current.subList(i + chunk, current.size()));
                if (replay(trial) != null) {
                    current = trial;
                } else {
                    i += chunk;
                }
            }
        }
        return current;
    }

    private static final boolean CHAINED = System.getenv("FUZZ_CHAINED") != null;
    /** This seed's system calls go on inside the trap. */
    private boolean chained;

    private String replay(List<Op> ops) {
        try (X86Guest fastGuest = new X86Guest(); X86Guest pooled = REFERENCE_POOLED ? X86Guest.pooled() : X86Guest.flushing()) {
            List<String> a = execute(new Side(fastGuest), ops);
            List<String> b = execute(new Side(pooled), ops);
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                String x = i < a.size() ? a.get(i) : "(nothing)";
                String y = i < b.size() ? b.get(i) : "(nothing)";
                if (!x.equals(y)) {
                    return "observation " + i + ": expected " + y + " but was " + x;
                }
            }
        }
        return null;
    }

    /** Runs {@code ops} on one side: what each run showed, in order; system calls may go on in the trap (chained). */
    private List<String> execute(Side side, List<Op> ops) {
        List<String> seen = new ArrayList<>();
        int[] at = {0};
        while (at[0] < ops.size()) {
            Op op = ops.get(at[0]++);
            if (op.kind() != 0) {
                apply(side, op);
                continue;
            }
            X86CpuContext thread = thread(side.guest, op);
            Trap trap;
            try {
                if (chained) {
                    trap = side.guest.machine.run(thread, side.spaces.get(op.space()), 1_000_000, (context, next) -> {
                        seen.add(describe("syscall", (X86CpuContext) context));
                        // The ops up to the next run happen inside the trap; that run goes on from here.
                        while (at[0] < ops.size() && ops.get(at[0]).kind() != 0) {
                            apply(side, ops.get(at[0]++));
                        }
                        if (at[0] >= ops.size()) {
                            return false;
                        }
                        Op run = ops.get(at[0]++);
                        next.set(thread(side.guest, run), side.spaces.get(run.space()), 1_000_000);
                        return true;
                    });
                } else {
                    trap = side.guest.run(thread, side.spaces.get(op.space()));
                }
            } catch (RuntimeException e) {
                seen.add("threw " + e);
                return seen;
            }
            seen.add(describe(String.valueOf(trap), thread));
        }
        return seen;
    }

    private static String describe(String what, X86CpuContext thread) {
        StringBuilder text = new StringBuilder(what);
        for (int r = 0; r <= X86CpuContext.EIP; r++) {
            text.append(' ').append(Integer.toHexString(thread.register(r)));
        }
        return text.toString();
    }

    private static X86CpuContext thread(X86Guest guest, Op op) {
        int[] regs = new int[X86CpuContext.ESP + 1];
        regs[X86CpuContext.ESI] = op.b();
        regs[X86CpuContext.EDI] = op.c();
        regs[X86CpuContext.ESP] = op.d();
        regs[X86CpuContext.EDX] = op.e();
        return thread(guest, op.a(), regs);
    }

    private static void apply(Side side, Op op) {
        int s = op.space();
        switch (op.kind()) {
            case 1 -> {
                side.spaces.get(s).map(op.a(), side.frames[op.b()], RIGHTS[op.c()]);
                side.mapped[s][pageIndex(op.a())] = op.b();
            }
            case 2 -> {
                side.spaces.get(s).unmap(op.a());
                side.mapped[s][pageIndex(op.a())] = -1;
            }
            case 4 -> {
                // The kernel unmaps the frame everywhere, frees it, and hands out a fresh one with the initial contents.
                for (int sp = 0; sp < SPACES; sp++) {
                    for (int pi = 0; pi < ALL_PAGES.length; pi++) {
                        if (side.mapped[sp][pi] == op.a()) {
                            side.spaces.get(sp).unmap(ALL_PAGES[pi]);
                            side.mapped[sp][pi] = -1;
                        }
                    }
                }
                side.guest.memory.freeFrames(side.frames[op.a()], 1);
                side.frames[op.a()] = side.guest.frame();
                byte[] page = frameContents(op.a());
                side.guest.memory.write(side.frames[op.a()], page, 0, page.length);
            }
            default -> {
                side.spaces.get(s).destroy();
                side.spaces.set(s, side.guest.newSpace());
                java.util.Arrays.fill(side.mapped[s], -1);
            }
        }
    }

    private static X86CpuContext thread(X86Guest guest, int entry, int[] regs) {
        X86CpuContext thread = guest.context(entry);
        for (int r = X86CpuContext.EAX; r <= X86CpuContext.EDI; r++) {
            thread.setRegister(r, regs[r]);
        }
        thread.setRegister(X86CpuContext.ESP, regs[X86CpuContext.ESP]);
        return thread;
    }
}
