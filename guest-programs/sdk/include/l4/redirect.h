/* The redirect system call: the redirection controller's rules (docs/abi.md section 3). */
#ifndef L4_REDIRECT_H
#define L4_REDIRECT_H

#include <l4/types.h>
#include <l4/syscalls.h>
#include <l4/abi.h> /* enum l4_redirect_op: L4_REDIRECT_ADD, L4_REDIRECT_REMOVE (the rule with the same
                       source, dest and monitor) */

/* The monitor's class, op bits 9..8, for L4_REDIRECT_ADD. */
enum l4_monitor_class {
    L4_MONITOR_CLASS_SOURCE = L4_MONITOR_CLASS_CODE_SOURCE << L4_REDIRECT_CLASS_SHIFT,
    L4_MONITOR_CLASS_SYSTEM = L4_MONITOR_CLASS_CODE_SYSTEM << L4_REDIRECT_CLASS_SHIFT,
    L4_MONITOR_CLASS_DESTINATION = L4_MONITOR_CLASS_CODE_DESTINATION << L4_REDIRECT_CLASS_SHIFT,
};

/* Privileged only. source and dest stand for their tasks; anythread = any task.
   Returns 0 or an error code. */
static inline l4_word l4_redirect(l4_word op, l4_thread_id source, l4_thread_id dest,
                                  l4_thread_id monitor)
{
    return l4_arch_syscall(L4_SYSCALL_REDIRECT, op, source, dest, monitor, 0, 0).value[0];
}

#endif
