/* System call numbers (docs/abi.md section 3) and the architecture's trap, l4_arch_syscall(). */
#ifndef L4_SYSCALLS_H
#define L4_SYSCALLS_H

#include <syscall.h> /* sdk/$(ARCH)/syscall.h: l4_arch_syscall() */

enum l4_syscall {
    L4_SYSCALL_KDEBUG = 0,
    L4_SYSCALL_IPC = 1,
    L4_SYSCALL_THREAD_SWITCH = 2,
    L4_SYSCALL_SYSTEM_CLOCK = 3,
    L4_SYSCALL_EXCHANGE_REGISTERS = 4,
    L4_SYSCALL_THREAD_CONTROL = 5,
    L4_SYSCALL_UNMAP = 6,
    L4_SYSCALL_REDIRECT = 7,
};

#endif
