/* Shared parts of the benchmark programs run by `l4emu bench`. The measured stretch lies
   between two kdebug breakpoints: BENCH_MARK_START and BENCH_MARK_END; the host measures it.
   A program may mark one more point, BENCH_MARK_SAMPLE, where the host reads its memory use. */
#ifndef BENCH_H
#define BENCH_H

#include <l4.h>

#define BENCH_MARK_START 1
#define BENCH_MARK_END 2
#define BENCH_MARK_SAMPLE 3 /* the host samples its resident memory here */
#define BENCH_WARM_UP 1000

/* Serves calls for ever: open wait, then reply-and-wait with MR1 + 1. */
__attribute__((noreturn)) void bench_serve(void);

/* Calls `server` `rounds` times (after a warm-up) between the two marks, then shuts down. */
__attribute__((noreturn)) void bench_call(l4_thread_id server, l4_word rounds);

/* A pass-through system monitor that does no more than it must: each redirected call is still
   in the message registers when it arrives, so one ipc forwards it to its intended receiver as
   its true source's (option 4) and waits for the next. */
__attribute__((noreturn)) void bench_monitor(void);

#endif
