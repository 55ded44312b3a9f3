/* Calls pong PING_ROUNDS times and prints each reply, then shuts the system down with 0. */
#include <l4.h>
#include "pingpong.h"

int main(void)
{
    l4_thread_id pong = l4_lookup("pong");
    if (l4_is_nilthread(pong)) {
        l4_print("ping: no thread named pong in the boot info\n");
        l4_shutdown(1);
    }
    for (l4_word round = 1; round <= PING_ROUNDS; round++) {
        l4_printf("ping: call %u\n", round);
        l4_load_message(LABEL_PING, 1, &round);
        l4_ipc_result reply = l4_call(pong);
        if (l4_ipc_failed(reply)) {
            char dope[L4_DOPE_TEXT_SIZE];
            l4_printf("ping: call failed: %s\n", l4_describe_dope(reply.dope, dope));
            l4_shutdown(1);
        }
        l4_printf("ping: reply %u\n", l4_mr(1));
    }
    l4_print("ping: done\n");
    l4_shutdown(0);
}
