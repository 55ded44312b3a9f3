/*
 * The CPU state a thread sets without the kernel stays its own across system calls and switches
 * through more address spaces than the CPU keeps at once (docs/abi.md section 1.1). Seven threads
 * in five tasks each set, in every round, state of their own and then yield one to three times:
 * on arm the condition flags, Q and GE (`msr APSR_nzcvqg`), the E bit (`setend be`, every other
 * round) and TPIDRURW; on x86 the status flags, DF, AC and ID (`popf`) and FS and ES, loaded with
 * the flat data, code, thread-pointer and null selectors (0x23, 0x1b, 0x2b, 0, 3). After the last
 * yield each must read back exactly what it set, whichever threads and spaces ran in between.
 */
#include <l4.h>

#define ROUNDS 12

/* The thread's place in the boot info page: threads of one image set different values. */
static l4_word my_index(void)
{
    const struct l4_bootinfo *bi = l4_bootinfo();
    l4_thread_id me = l4_myself();
    for (l4_word i = 0; i < bi->entry_count; i++)
        if (bi->entries[i].id == me) return i;
    return 99;
}

#if defined(__arm__)
/* Sets TPIDRURW, E if `big`, and NZCVQ and GE from `flags` before each of `yields` raw yields; returns CPSR as the
   last yield left it, and TPIDRURW. Nothing between the flags and the svc changes them. */
__attribute__((noinline)) static l4_word round_trip(l4_word flags, int big, l4_word tls, l4_word yields, l4_word *tls_after)
{
    l4_word cpsr, t;
    __asm__ volatile(
        "mcr p15, 0, %[tls], c13, c0, 2\n"
        "msr APSR_nzcvqg, %[flags]\n"
        "cmp %[big], #0\n"
        "beq 1f\n"
        "setend be\n"
        "1:\n"
        "mov r4, %[y]\n"
        "2:\n"
        "msr APSR_nzcvqg, %[flags]\n"
        "mov r7, #2\n mov r0, #0\n svc #0\n"
        "mrs r5, cpsr\n"
        "subs r4, r4, #1\n"
        "bne 2b\n"
        "mov %[cpsr], r5\n"
        "mrc p15, 0, %[t], c13, c0, 2\n"
        "setend le\n"
        : [cpsr] "=&r"(cpsr), [t] "=&r"(t)
        : [flags] "r"(flags), [big] "r"(big), [tls] "r"(tls), [y] "r"(yields)
        : "r0", "r4", "r5", "r7", "memory", "cc");
    *tls_after = t;
    return cpsr;
}

static void play(l4_word index)
{
    int bad = 0;
    for (l4_word r = 0; r < ROUNDS; r++) {
        l4_word flags = ((index * 7 + r * 3) & 0x1f) << 27 | ((index + r) & 0xf) << 16;
        int big = (index + r) & 1;
        l4_word tls = 0x10000000u * index + r, tls_after;
        l4_word cpsr = round_trip(flags, big, tls, 1 + (r % 3), &tls_after);
        l4_word expect = flags | (big ? 1u << 9 : 0);
        l4_word mask = 0xf80f0200u;
        if ((cpsr & mask) != expect || tls_after != tls) {
            l4_printf("%u round %u: cpsr %x want %x (mask %x) tls %x want %x FAILED\n", (unsigned)index, (unsigned)r,
                      (unsigned)cpsr, (unsigned)expect, (unsigned)mask, (unsigned)tls_after, (unsigned)tls);
            bad++;
        }
    }
    l4_printf("%u: %s\n", (unsigned)index, bad ? "FAILED" : "ok");
}
#else
/* Sets the flags of `flags` (status flags, DF, AC, ID) before each of `yields` raw yields; returns EFLAGS as the
   last yield left it, and FS:ES. */
__attribute__((noinline)) static l4_word round_trip(l4_word flags, l4_word yields, l4_word *fs_gs)
{
    l4_word f, seg;
    __asm__ volatile(
        "mov %%edi, %%ecx\n"
        "pushf\n pop %%eax\n and $~0x240cd5, %%eax\n or %%eax, %%esi\n"
        "2:\n"
        "push %%ecx\n"
        "mov $2, %%eax\n xor %%ebx, %%ebx\n"
        "push %%esi\n popf\n int $0x80\n"
        "pushf\n pop %[f]\n"
        "pop %%ecx\n"
        "dec %%ecx\n"
        "jnz 2b\n"
        "pushf\n andl $~0x240500, (%%esp)\n popf\n"
        : [f] "=&d"(f)
        : "S"(flags), "D"(yields)
        : "eax", "ebx", "ecx", "memory", "cc");
    __asm__ volatile("xor %%eax, %%eax\n mov %%fs, %%ax\n shl $16, %%eax\n mov %%es, %%ax" : "=a"(seg));
    *fs_gs = seg;
    return f;
}

static void load_segments(l4_word fs, l4_word es)
{
    __asm__ volatile("mov %0, %%fs\n mov %1, %%es" :: "r"(fs), "r"(es));
}

static void play(l4_word index)
{
    static const l4_word selectors[] = { 0x23, 0x1b, 0x0, 0x3, 0x2b, 0x23 };
    int bad = 0;
    for (l4_word r = 0; r < ROUNDS; r++) {
        l4_word flags = ((index + r) & 1 ? 0x400 : 0) | ((index + r) & 2 ? 0x40000 : 0) | ((index + r) & 4 ? 0x100 : 0) |
                        ((index * 5 + r) & 0x8d5) | ((index + r) % 3 == 0 ? 0x200000 : 0);
        flags &= ~0x100u; /* TF would single-step the probe itself */
        l4_word fs = selectors[(index + r) % 6], es = selectors[(index * 3 + r) % 6];
        load_segments(fs, es);
        l4_word seg;
        l4_word f = round_trip(flags, 1 + (r % 3), &seg);
        load_segments(0x23, 0x23);
        l4_word want_seg = fs << 16 | es;
        if ((f & 0x240cd5) != (flags & 0x240cd5) || seg != want_seg) {
            l4_printf("%u round %u: eflags %x want %x segs %x want %x FAILED\n", (unsigned)index, (unsigned)r, (unsigned)f,
                      (unsigned)flags, (unsigned)seg, (unsigned)want_seg);
            bad++;
        }
    }
    l4_printf("%u: %s\n", (unsigned)index, bad ? "FAILED" : "ok");
}
#endif

int main(void)
{
    play(my_index());
    return 0;
}

L4_THREAD_ENTRY void second_thread(void)
{
    play(my_index());
    l4_exit_thread();
}
