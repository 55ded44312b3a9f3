/* Accessors for the current thread's UTCB (docs/abi.md section 2, UTCB layout). */
#ifndef L4_UTCB_H
#define L4_UTCB_H

#include <l4/types.h>
#include <utcb_address.h> /* sdk/$(ARCH)/utcb_address.h: l4_arch_utcb() */
#include <l4/abi.h>          /* enum l4_utcb_word (L4_UTCB_MR0, ...), L4_MR_COUNT, L4_BR_COUNT */

static inline l4_word l4_utcb_word(enum l4_utcb_word index)
{
    return l4_arch_utcb()[index];
}

static inline l4_word l4_mr(unsigned index)
{
    return l4_arch_utcb()[L4_UTCB_MR0 + index];
}

static inline void l4_set_mr(unsigned index, l4_word value)
{
    l4_arch_utcb()[L4_UTCB_MR0 + index] = value;
}

static inline l4_word l4_br(unsigned index)
{
    return l4_arch_utcb()[L4_UTCB_BR0 + index];
}

static inline void l4_set_br(unsigned index, l4_word value)
{
    l4_arch_utcb()[L4_UTCB_BR0 + index] = value;
}

/* L4 X.2's Myself: the calling thread's global ID. */
static inline l4_thread_id l4_myself(void)
{
    return l4_utcb_word(L4_UTCB_MY_GLOBAL_ID);
}

static inline l4_thread_id l4_pager(void)
{
    return l4_utcb_word(L4_UTCB_PAGER);
}

static inline l4_thread_id l4_exception_handler(void)
{
    return l4_utcb_word(L4_UTCB_EXCEPTION_HANDLER);
}

/* Detail of the last IPC error; for a monitor error (8), the monitor's code. */
static inline l4_word l4_error_code(void)
{
    return l4_utcb_word(L4_UTCB_ERROR_CODE);
}

/* The next four are valid only after receiving a message with the dope's R bit set. */
static inline l4_thread_id l4_intended_receiver(void)
{
    return l4_utcb_word(L4_UTCB_INTENDED_RECEIVER);
}

static inline l4_thread_id l4_blocked_source(void)
{
    return l4_utcb_word(L4_UTCB_BLOCKED_SOURCE);
}

static inline l4_thread_id l4_controlling_monitor(void)
{
    return l4_utcb_word(L4_UTCB_CONTROLLING_MONITOR);
}

/* Remaining delay timeout in microseconds, 0 = none. */
static inline l4_word l4_delay_timeout_remaining(void)
{
    return l4_utcb_word(L4_UTCB_DELAY_TIMEOUT);
}

/* UserDefinedHandle and ThreadWord0..2 belong to the program; the kernel never touches them. */
static inline l4_word l4_user_defined_handle(void)
{
    return l4_utcb_word(L4_UTCB_USER_DEFINED_HANDLE);
}

static inline void l4_set_user_defined_handle(l4_word value)
{
    l4_arch_utcb()[L4_UTCB_USER_DEFINED_HANDLE] = value;
}

static inline l4_word l4_thread_word(unsigned index)
{
    return l4_arch_utcb()[L4_UTCB_THREAD_WORD0 + index];
}

static inline void l4_set_thread_word(unsigned index, l4_word value)
{
    l4_arch_utcb()[L4_UTCB_THREAD_WORD0 + index] = value;
}

#endif
