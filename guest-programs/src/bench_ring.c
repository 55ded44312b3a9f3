/* `l4emu bench`: three tasks pass one message round a ring, 100,000 times between the two
   marks: ring0 sends to ring1 and waits, ring1 to ring2, ring2 back to ring0, each with one ipc
   (send, then an open wait). A round is three system calls that each enter another address
   space, as a call through one pass-through monitor is (client, monitor, server), without the
   monitor's kernel work: beside that figure, what the monitor itself costs. */
#include "common/bench.h"

#define ROUNDS 100000

static l4_ipc_result pass_on(l4_thread_id next)
{
    l4_load_message(1, 1, (l4_word[]){ l4_mr(1) + 1 });
    return l4_ipc(next, L4_ANYTHREAD, l4_timeouts(L4_TIMEOUT_NEVER, L4_TIMEOUT_NEVER), L4_SND_DESC_NONE);
}

static void rounds(l4_thread_id next, l4_word count)
{
    for (l4_word i = 0; i < count; i++) {
        if (l4_ipc_failed(pass_on(next))) {
            l4_print("bench_ring: ipc failed\n");
            l4_shutdown(1);
        }
    }
}

int main(void)
{
    l4_thread_id first = l4_lookup("ring0");
    l4_thread_id second = l4_lookup("ring1");
    l4_thread_id third = l4_lookup("ring2");
    l4_thread_id me = l4_myself();
    if (me != first) {
        l4_ipc_result received = l4_wait();
        for (;;) {
            if (l4_ipc_failed(received)) {
                l4_print("bench_ring: receive failed\n");
                l4_shutdown(1);
            }
            received = pass_on(me == second ? third : first);
        }
    }
    l4_load_message(1, 1, (l4_word[]){ 0 });
    rounds(second, BENCH_WARM_UP);
    l4_kdebug_breakpoint(BENCH_MARK_START);
    rounds(second, ROUNDS);
    l4_kdebug_breakpoint(BENCH_MARK_END);
    l4_shutdown(0);
}
