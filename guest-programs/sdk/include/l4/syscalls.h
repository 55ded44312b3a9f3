/* System call numbers (docs/abi.md section 3) and the architecture's trap, l4_arch_syscall(). */
#ifndef L4_SYSCALLS_H
#define L4_SYSCALLS_H

#include <syscall.h> /* sdk/$(ARCH)/syscall.h: l4_arch_syscall() */
#include <l4/abi.h>  /* enum l4_syscall: L4_SYSCALL_KDEBUG, L4_SYSCALL_IPC, ... */

#endif
