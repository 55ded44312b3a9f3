/* Which EFLAGS bits survive a system call and a thread switch. */
#include <l4.h>
#if defined(__i386__)

static l4_word flags_after(l4_word set, int number)
{
    l4_word f;
    __asm__ volatile("pushf\n orl %1, (%%esp)\n popf\n"
                     "mov %2, %%eax\n xor %%ebx, %%ebx\n int $0x80\n"
                     "pushf\n popl %0\n"
                     "pushf\n andl $~0x254d00, (%%esp)\n popf\n"
                     : "=m"(f) : "S"(set), "D"((l4_word)number) : "eax", "ebx", "ecx", "edx", "memory", "cc");
    return f;
}

static void other(void)
{
    for (int i = 0; i < 3; i++)
        l4_yield();
}

int main(void)
{
    if (l4_lookup("other") == l4_myself()) {
        other();
        return 0;
    }
    {
        __asm__ volatile("pushf\n orl $0x244000, (%%esp)\n popf" ::: "memory", "cc");
        __asm__ volatile("mov $0x1b, %%eax\n mov %%eax, %%fs\n mov %%eax, %%es" ::: "eax");
        for (int i = 0; i < 4; i++) {
            l4_word f, fs, es;
            __asm__ volatile("pushf\n pop %0\n mov %%fs, %1\n mov %%es, %2" : "=r"(f), "=r"(fs), "=r"(es));
            l4_printf("round %d: eflags %x fs %x es %x\n", i, (unsigned)f, (unsigned)fs, (unsigned)es);
            if (i == 1) l4_yield();
        }
        __asm__ volatile("pushf\n andl $~0x244000, (%%esp)\n popf" ::: "memory", "cc");
        __asm__ volatile("mov $0x23, %%eax\n mov %%eax, %%fs\n mov %%eax, %%es" ::: "eax");
    }
    static const l4_word bits[] = { 0x1, 0x4, 0x10, 0x40, 0x80, 0x800, 0x4000, 0x40000, 0x200000 };
    for (unsigned i = 0; i < sizeof bits / sizeof bits[0]; i++) {
        l4_word c = flags_after(bits[i], L4_SYSCALL_SYSTEM_CLOCK);
        l4_word y = flags_after(bits[i], L4_SYSCALL_THREAD_SWITCH);
        l4_printf("set %x: after system_clock %x, after thread_switch %x\n", (unsigned)bits[i], (unsigned)c, (unsigned)y);
    }
    return 0;
}
#else
int main(void) { return 0; }
#endif
