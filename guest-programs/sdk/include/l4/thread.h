/* Thread system calls: thread_switch, exchange_registers, thread_control (docs/abi.md section 3). */
#ifndef L4_THREAD_H
#define L4_THREAD_H

#include <l4/types.h>
#include <l4/thread_id.h>
#include <l4/syscalls.h>
#include <l4/abi.h>

/* Marks a function that a system description names as a <thread>'s entry. Only the description
   refers to it, so this keeps the linker from discarding it as unused:
       L4_THREAD_ENTRY void worker_main(void) { ... l4_exit_thread(); } */
#define L4_THREAD_ENTRY __attribute__((used, section(".text.l4_entry"))) L4_ENTRY_STACK_ALIGNMENT

/* A thread starts at its entry with the top of its stack in sp, 16-byte aligned as before a
   call, not as after one. On x86 the entry function realigns its frame, or its 16-byte aligned
   locals (an IPC parameter block) would be misaligned and their address cut by the send
   descriptor. */
#if defined(__i386__)
#define L4_ENTRY_STACK_ALIGNMENT __attribute__((force_align_arg_pointer))
#else
#define L4_ENTRY_STACK_ALIGNMENT
#endif

/* Gives the processor to `dest`, or to anyone (nilthread). */
static inline void l4_thread_switch(l4_thread_id dest)
{
    l4_arch_syscall(L4_SYSCALL_THREAD_SWITCH, dest, 0, 0, 0, 0, 0);
}

static inline void l4_yield(void)
{
    l4_thread_switch(L4_NILTHREAD);
}

/* exchange_registers' control bits, enum l4_exchange_registers_control: L4_EXREGS_SET_SP_IP,
   L4_EXREGS_RESUME (start the thread), L4_EXREGS_HALT. */

typedef struct {
    l4_word result; /* 0 or an error code */
    l4_word old_sp;
    l4_word old_ip;
} l4_exchange_registers_result;

/* dest: a thread of the caller's own task (any thread for a privileged task). */
static inline l4_exchange_registers_result l4_exchange_registers(l4_thread_id dest, l4_word control,
                                                                 l4_word sp, l4_word ip)
{
    l4_raw_results raw =
        l4_arch_syscall(L4_SYSCALL_EXCHANGE_REGISTERS, dest, control, sp, ip, 0, 0);
    return (l4_exchange_registers_result){ raw.value[0], raw.value[1], raw.value[2] };
}

/* Privileged only. space = nilthread deletes dest; otherwise creates dest, halted, in the task
   of thread `space` (space = dest: a new, empty task). Returns 0 or an error code. */
static inline l4_word l4_thread_control(l4_thread_id dest, l4_thread_id space, l4_thread_id pager,
                                        l4_word utcb_address)
{
    return l4_arch_syscall(L4_SYSCALL_THREAD_CONTROL, dest, space, pager, utcb_address, 0, 0)
        .value[0];
}

#endif
