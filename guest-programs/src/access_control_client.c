/* Sends requests with different labels to `server` through the access-control monitor and
   prints how each send ended: denied labels fail with error 8 and the monitor's code (M3). */
#include <l4.h>
#include "common/observe.h"
#include "access_control_protocol.h"

#define SETTLE_US 100

static const l4_word requests[] = { LABEL_READ, LABEL_WRITE, LABEL_DELETE, LABEL_READ,
                                    LABEL_FORMAT };

int main(void)
{
    l4_thread_id server = l4_lookup("server");
    char outcome[OUTCOME_TEXT_SIZE];

    l4_sleep(SETTLE_US);
    for (l4_word i = 0; i < sizeof requests / sizeof requests[0]; i++) {
        l4_word number = i + 1;
        l4_load_message(requests[i], 1, &number);
        l4_ipc_result sent = l4_send(server);
        l4_printf("client: request %u, label 0x%x: %s\n", number, requests[i],
                  outcome_text(sent, outcome));
    }
    l4_sleep(SETTLE_US);
    l4_shutdown(0);
}
