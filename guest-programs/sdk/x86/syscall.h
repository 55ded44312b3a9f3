/* The x86 system call trap (docs/abi.md section 1): number in eax, arguments in ebx, ecx, edx, esi,
   edi, ebp, `int $0x80`, results in eax, ebx, ecx, edx. Every other register is preserved by
   the kernel. */
#ifndef L4_X86_SYSCALL_H
#define L4_X86_SYSCALL_H

#include <l4/types.h>

static inline l4_raw_results l4_arch_syscall(l4_word number, l4_word a0, l4_word a1, l4_word a2,
                                             l4_word a3, l4_word a4, l4_word a5)
{
    /* ebp has no constraint letter and may be the frame pointer, so the stub saves it and loads
       the sixth argument itself; eax brings in the address of the number and that argument. */
    const l4_word number_and_a5[2] = { number, a5 };
    l4_word eax = (l4_word)number_and_a5;
    l4_word ebx = a0;
    l4_word ecx = a1;
    l4_word edx = a2;

    /* eax-edx are results, so in/out; esi and edi are inputs the kernel preserves. "memory":
       the kernel reads and writes the UTCB and the buffers named by arguments. "cc": the ABI
       names registers, not EFLAGS, so do not rely on the flags surviving. */
    __asm__ volatile("push %%ebp\n\t"
                     "movl 4(%%eax), %%ebp\n\t"
                     "movl (%%eax), %%eax\n\t"
                     "int $0x80\n\t"
                     "pop %%ebp"
                     : "+a"(eax), "+b"(ebx), "+c"(ecx), "+d"(edx)
                     : "S"(a3), "D"(a4), "m"(number_and_a5)
                     : "memory", "cc");

    return (l4_raw_results){ { eax, ebx, ecx, edx } };
}

#endif
