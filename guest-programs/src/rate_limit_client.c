/* Sends MESSAGE_COUNT messages back to back to `server` through the rate-limiting monitor and
   prints in which window of virtual time (WINDOW_US long, counted from the first send) each
   send completed; the exact time follows on a separate line. */
#include <l4.h>
#include "common/observe.h"
#include "common/timeline.h"

#define MESSAGE_COUNT 6
#define WINDOW_US 1000 /* the monitor's window */
#define LABEL_MESSAGE 0x7A
#define SETTLE_US 100

int main(void)
{
    l4_thread_id server = l4_lookup("server");
    char outcome[OUTCOME_TEXT_SIZE];

    l4_sleep(SETTLE_US);
    l4_u64 start = now_us();
    for (l4_word i = 1; i <= MESSAGE_COUNT; i++) {
        l4_load_message(LABEL_MESSAGE, 1, &i);
        l4_ipc_result sent = l4_send(server);
        l4_u64 elapsed = now_us() - start;
        l4_printf("client: message %u: %s, completed in window %llu\n", i,
                  outcome_text(sent, outcome), elapsed / WINDOW_US);
        l4_printf("client: time: message %u completed %llu us after the first send\n", i, elapsed);
    }
    l4_sleep(SETTLE_US);
    l4_shutdown(0);
}
