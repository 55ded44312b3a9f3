/* The ipc system call and the usual L4 X.2 conveniences built on it (docs/abi.md section 3). */
#ifndef L4_IPC_H
#define L4_IPC_H

#include <l4/types.h>
#include <l4/thread_id.h>
#include <l4/syscalls.h>
#include <l4/timeout.h>
#include <l4/dope.h>
#include <l4/send_descriptor.h>
#include <l4/utcb.h>

typedef struct {
    l4_thread_id from; /* the sender as the receiver may see it */
    l4_word dope;
} l4_ipc_result;

/* to: nilthread = no send phase. from_spec: nilthread = no receive phase, anythread = open
   wait, a thread = closed wait, the caller itself = sleep for the receive timeout.
   The message is MR0..MR(u+t) of the caller's UTCB in both directions. */
static inline l4_ipc_result l4_ipc(l4_thread_id to, l4_thread_id from_spec, l4_word timeouts,
                                   l4_word snd_desc)
{
    l4_raw_results raw = l4_arch_syscall(L4_SYSCALL_IPC, to, from_spec, timeouts, snd_desc, 0, 0);
    return (l4_ipc_result){ raw.value[0], raw.value[1] };
}

static inline l4_word l4_ipc_error(l4_ipc_result result)
{
    return l4_dope_error(result.dope);
}

static inline int l4_ipc_failed(l4_ipc_result result)
{
    return l4_ipc_error(result) != L4_ERROR_NONE;
}

/* Send, then receive from the same thread; the receive phase begins as the send completes. */
static inline l4_ipc_result l4_call_timeouts(l4_thread_id to, l4_timeout send, l4_timeout receive)
{
    return l4_ipc(to, to, l4_timeouts(send, receive), L4_SND_DESC_NONE);
}

static inline l4_ipc_result l4_call(l4_thread_id to)
{
    return l4_call_timeouts(to, L4_TIMEOUT_NEVER, L4_TIMEOUT_NEVER);
}

static inline l4_ipc_result l4_send_timeout(l4_thread_id to, l4_timeout send)
{
    return l4_ipc(to, L4_NILTHREAD, l4_timeouts(send, L4_TIMEOUT_NEVER), L4_SND_DESC_NONE);
}

static inline l4_ipc_result l4_send(l4_thread_id to)
{
    return l4_send_timeout(to, L4_TIMEOUT_NEVER);
}

/* As in X.2, a reply does not wait: the caller is already in its receive phase. */
static inline l4_ipc_result l4_reply(l4_thread_id to)
{
    return l4_send_timeout(to, L4_TIMEOUT_ZERO);
}

/* Reply (zero send timeout), then open wait for the next request. */
static inline l4_ipc_result l4_reply_wait(l4_thread_id to)
{
    return l4_ipc(to, L4_ANYTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, L4_TIMEOUT_NEVER),
                  L4_SND_DESC_NONE);
}

/* Open wait: receive from any thread. */
static inline l4_ipc_result l4_wait_timeout(l4_timeout receive)
{
    return l4_ipc(L4_NILTHREAD, L4_ANYTHREAD, l4_timeouts(L4_TIMEOUT_NEVER, receive),
                  L4_SND_DESC_NONE);
}

static inline l4_ipc_result l4_wait(void)
{
    return l4_wait_timeout(L4_TIMEOUT_NEVER);
}

/* Closed wait: receive from `from` only. */
static inline l4_ipc_result l4_receive_timeout(l4_thread_id from, l4_timeout receive)
{
    return l4_ipc(L4_NILTHREAD, from, l4_timeouts(L4_TIMEOUT_NEVER, receive), L4_SND_DESC_NONE);
}

static inline l4_ipc_result l4_receive(l4_thread_id from)
{
    return l4_receive_timeout(from, L4_TIMEOUT_NEVER);
}

/* Blocks for at least `us` microseconds of virtual time (rounded up as l4_timeout_us does). It is a
   receive phase: with an invalid fpage in BR0 it fails at once with error 9 (SEMANTICS S5, P2). */
static inline void l4_sleep(l4_word us)
{
    l4_receive_timeout(l4_myself(), l4_timeout_us(us));
}

static inline void l4_sleep_forever(void)
{
    l4_receive_timeout(l4_myself(), L4_TIMEOUT_NEVER);
}

#endif
