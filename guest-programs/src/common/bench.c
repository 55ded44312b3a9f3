#include "bench.h"

void bench_serve(void)
{
    l4_ipc_result request = l4_wait();
    for (;;) {
        l4_load_message(1, 1, (l4_word[]){ l4_mr(1) + 1 });
        request = l4_reply_wait(request.from);
    }
}

static void call_many(l4_thread_id server, l4_word rounds)
{
    for (l4_word i = 0; i < rounds; i++) {
        l4_load_message(1, 1, (l4_word[]){ i });
        if (l4_ipc_failed(l4_call(server))) {
            l4_print("bench: call failed\n");
            l4_shutdown(1);
        }
    }
}

void bench_call(l4_thread_id server, l4_word rounds)
{
    call_many(server, BENCH_WARM_UP);
    l4_kdebug_breakpoint(BENCH_MARK_START);
    call_many(server, rounds);
    l4_kdebug_breakpoint(BENCH_MARK_END);
    l4_shutdown(0);
}

void bench_monitor(void)
{
    static struct l4_ipc_params forwarding;
    l4_ipc_result received = l4_wait();
    for (;;) {
        if (l4_ipc_failed(received)) {
            l4_print("bench: monitor ipc failed\n");
            l4_shutdown(1);
        }
        forwarding.true_source = received.from;
        received = l4_ipc(l4_intended_receiver(), L4_ANYTHREAD,
                          l4_timeouts(L4_TIMEOUT_NEVER, L4_TIMEOUT_NEVER),
                          l4_snd_desc_option(L4_OPTION_DECEIT, &forwarding));
    }
}
