/* `l4emu bench`: a system monitor in control of each call it passes (bench_monitor_controlling.xml),
   the monitored round trip with controlled synchrony (M6), as bench_monitor.c is without it. It
   forwards each call with option 7, naming the caller as blocked source and itself as controlling
   monitor, and when the kernel notifies it of final delivery, it releases the caller with option
   3; each ipc also waits for the next message. It lives here, not in common/bench.c, so that the
   programs linking that file stay as they were. */
#include "common/bench.h"

int main(void)
{
    static struct l4_ipc_params forwarding;
    l4_ipc_result received = l4_wait();
    for (;;) {
        if (l4_ipc_failed(received)) {
            l4_print("bench: controlling monitor ipc failed\n");
            l4_shutdown(1);
        }
        if (l4_dope_redirected(received.dope)) {
            forwarding.true_source = received.from;
            forwarding.blocked_source = l4_blocked_source();
            forwarding.controlling_monitor = l4_myself();
            received = l4_ipc(l4_intended_receiver(), L4_ANYTHREAD,
                              l4_timeouts(L4_TIMEOUT_NEVER, L4_TIMEOUT_NEVER),
                              l4_snd_desc_option(L4_OPTION_DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR,
                                                 &forwarding));
        } else {
            /* The kernel's notification of final delivery: MR1 is the blocked source. */
            l4_thread_id blocked = l4_mr(1);
            l4_load_message(0, 0, 0);
            received = l4_ipc(blocked, L4_ANYTHREAD, l4_timeouts(L4_TIMEOUT_NEVER, L4_TIMEOUT_NEVER),
                              l4_snd_desc_option(L4_OPTION_UNBLOCKING, 0));
        }
    }
}
