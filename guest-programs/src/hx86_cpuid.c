/* Prints what cpuid says; a guest should not be able to tell the engines apart (docs/x86.md). */
#include <l4.h>
#if defined(__i386__)

int main(void)
{
    static const l4_word leaves[] = { 0, 1, 7, 0x80000000u, 0x80000001u, 0x80000002u };
    for (unsigned i = 0; i < sizeof leaves / sizeof leaves[0]; i++) {
        l4_word a = leaves[i], b, c = 0, d;
        __asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
        l4_printf("cpuid %x: %x %x %x %x\n", (unsigned)leaves[i], (unsigned)a, (unsigned)b, (unsigned)c, (unsigned)d);
    }
    return 0;
}
#else
int main(void) { return 0; }
#endif
