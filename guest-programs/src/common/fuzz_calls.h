/* One random system call of each kind, each counted where the keeper sees it. The kinds mirror
   docs/abi.md section 3, plus numbers the ABI does not define. */
#ifndef FUZZ_CALLS_H
#define FUZZ_CALLS_H

#include "fuzz_world.h"

/* ipc and its receive results; a received redirected message is kept for fuzz_monitor_act(). */
l4_ipc_result fuzz_ipc(struct fuzz_thread *me, l4_thread_id to, l4_thread_id from_spec, l4_word timeouts,
                       l4_word snd_desc);

void fuzz_call_ipc(struct fuzz_thread *me);
/* What a server does: reply to the last caller and wait for the next, or just wait. */
void fuzz_serve(struct fuzz_thread *me);
void fuzz_call_kdebug(struct fuzz_thread *me);
void fuzz_call_thread_switch(struct fuzz_thread *me);
void fuzz_call_system_clock(struct fuzz_thread *me);
void fuzz_call_exchange_registers(struct fuzz_thread *me);
void fuzz_call_thread_control(struct fuzz_thread *me);
void fuzz_call_unmap(struct fuzz_thread *me);
/* unmap(fpage, flags), counted. */
void fuzz_unmap(struct fuzz_thread *me, l4_word fpage, l4_word flags);
/* Any system call, counted; the results. */
l4_raw_results fuzz_syscall(struct fuzz_thread *me, l4_word number, l4_word a0, l4_word a1, l4_word a2, l4_word a3);
void fuzz_call_redirect(struct fuzz_thread *me);
void fuzz_call_undefined(struct fuzz_thread *me);

/* Reads a page of the source region: a page fault sigma0 serves when it is not mapped. */
void fuzz_touch(struct fuzz_thread *me);

/* The restart entry: exchange_registers points a thread's ip here, with its slot's stack top. */
void fuzz_restart(void);

#endif
