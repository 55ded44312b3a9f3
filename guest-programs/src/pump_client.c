/* The public client of the paper's example (section 4): logs LOG_COUNT entries to the secret
   file system `fs` with plain sends and prints when each send completed, as the number of the
   pump's period it completed in, and the exact time on a separate line. Its IPC passes its own
   monitor, the NRL pump and a redirector; see pump.xml. */
#include <l4.h>
#include "common/observe.h"
#include "common/timeline.h"
#include "pump_protocol.h"

#define SETTLE_US 100

int main(void)
{
    l4_thread_id fs = l4_lookup("fs");
    char outcome[OUTCOME_TEXT_SIZE];

    l4_sleep(SETTLE_US);
    for (l4_word entry = 1; entry <= LOG_COUNT; entry++) {
        l4_load_message(LABEL_LOG, 1, &entry);
        l4_ipc_result sent = l4_send(fs);
        l4_u64 completed = now_us();
        l4_printf("client: log %u: %s, completed in pump period %llu\n", entry,
                  outcome_text(sent, outcome), completed / PUMP_PERIOD_US);
        l4_printf("client: time: log %u completed at %llu us\n", entry, completed);
    }
    l4_sleep(SETTLE_US);
    l4_shutdown(0);
}
