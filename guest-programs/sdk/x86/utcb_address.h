/* Where the current thread's UTCB is on x86: the word at %gs:0 holds its address. */
#ifndef L4_X86_UTCB_ADDRESS_H
#define L4_X86_UTCB_ADDRESS_H

#include <l4/types.h>

static inline l4_word *l4_arch_utcb(void)
{
    l4_word *utcb;
    /* Not volatile: the value never changes for a running thread, so the compiler may reuse it. */
    __asm__("movl %%gs:0, %0" : "=r"(utcb));
    return utcb;
}

#endif
