/* Where the current thread's UTCB is on ARM: the kernel keeps its address in TPIDRURO. */
#ifndef L4_ARM_UTCB_ADDRESS_H
#define L4_ARM_UTCB_ADDRESS_H

#include <l4/types.h>

static inline l4_word *l4_arch_utcb(void)
{
    l4_word *utcb;
    /* Not volatile: the value never changes for a running thread, so the compiler may reuse it. */
    __asm__("mrc p15, 0, %0, c13, c0, 3" : "=r"(utcb));
    return utcb;
}

#endif
