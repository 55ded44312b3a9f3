/* The ARM system call trap (docs/abi.md section 1): number in r7, arguments in r0-r5, `svc #0`,
   results in r0-r3. Every other register, r7 included, is preserved by the kernel. */
#ifndef L4_ARM_SYSCALL_H
#define L4_ARM_SYSCALL_H

#include <l4/types.h>

static inline l4_raw_results l4_arch_syscall(l4_word number, l4_word a0, l4_word a1, l4_word a2,
                                             l4_word a3, l4_word a4, l4_word a5)
{
    register l4_word r0 __asm__("r0") = a0;
    register l4_word r1 __asm__("r1") = a1;
    register l4_word r2 __asm__("r2") = a2;
    register l4_word r3 __asm__("r3") = a3;
    register l4_word r4 __asm__("r4") = a4;
    register l4_word r5 __asm__("r5") = a5;
    register l4_word r7 __asm__("r7") = number;

    /* r0-r3 are results, so in/out; r4, r5 and r7 are inputs the kernel preserves. "memory":
       the kernel reads and writes the UTCB and the buffers named by arguments. "cc": the ABI
       names registers, not the condition flags, so do not rely on the flags surviving. */
    __asm__ volatile("svc #0"
                     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3)
                     : "r"(r4), "r"(r5), "r"(r7)
                     : "memory", "cc");

    return (l4_raw_results){ { r0, r1, r2, r3 } };
}

#endif
