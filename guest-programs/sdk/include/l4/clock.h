/* The system_clock call: virtual time in microseconds since boot (docs/abi.md sections 2 and 3). */
#ifndef L4_CLOCK_H
#define L4_CLOCK_H

#include <l4/types.h>
#include <l4/syscalls.h>

static inline l4_u64 l4_system_clock(void)
{
    l4_raw_results raw = l4_arch_syscall(L4_SYSCALL_SYSTEM_CLOCK, 0, 0, 0, 0, 0, 0);
    return (l4_u64)raw.value[1] << 32 | raw.value[0];
}

#endif
