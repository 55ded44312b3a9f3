/* The kdebug system call (docs/abi.md section 3): console output, shutdown, trace marks, exit. */
#ifndef L4_KDEBUG_H
#define L4_KDEBUG_H

#include <l4/types.h>
#include <l4/syscalls.h>
#include <l4/abi.h> /* enum l4_kdebug_op: L4_KDEBUG_PUTC, ... */

/* Returns 0 or an error code. */
static inline l4_word l4_kdebug(l4_word op, l4_word a, l4_word b)
{
    return l4_arch_syscall(L4_SYSCALL_KDEBUG, op, a, b, 0, 0, 0).value[0];
}

static inline l4_word l4_kdebug_putc(char c)
{
    return l4_kdebug(L4_KDEBUG_PUTC, (unsigned char)c, 0);
}

/* Writes `length` bytes to standard output unchanged. */
static inline l4_word l4_kdebug_write(const void *bytes, l4_word length)
{
    return l4_kdebug(L4_KDEBUG_WRITE, (l4_word)bytes, length);
}

/* A stop for the stepper and the debugger; a trace mark otherwise. */
static inline l4_word l4_kdebug_breakpoint(l4_word mark)
{
    return l4_kdebug(L4_KDEBUG_BREAKPOINT, mark, 0);
}

/* Stops the whole emulation; `l4emu boot` exits with `exit_code`. */
__attribute__((noreturn)) static inline void l4_shutdown(l4_word exit_code)
{
    for (;;)
        l4_kdebug(L4_KDEBUG_SHUTDOWN, exit_code, 0);
}

/* Ends the calling thread; when every thread has ended, `l4emu boot` exits with 0. */
__attribute__((noreturn)) static inline void l4_exit_thread(void)
{
    for (;;)
        l4_kdebug(L4_KDEBUG_EXIT_THREAD, 0, 0);
}

#endif
