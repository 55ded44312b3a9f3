/* A secret file system of the paper's example (fs and fs2): prints each log entry it receives,
   then works on it for a time that differs from entry to entry, as a Trojan horse signalling
   through its timing might. The work always ends within the pump's period, so the file system
   is ready for the next entry. */
#include <l4.h>
#include "common/observe.h"
#include "pump_protocol.h"

static l4_word work_us(l4_word entry)
{
    return 100 + 150 * (entry % 4);
}

int main(void)
{
    char from[L4_NAME_SIZE];
    char dope[DOPE_TEXT_SIZE];
    for (;;) {
        l4_ipc_result received = l4_wait();
        l4_word entry = l4_mr(1);
        l4_printf("%s: log %u from %s, dope %s\n", my_name(), entry,
                  thread_text(received.from, from), dope_text(received.dope, dope));
        l4_sleep(work_us(entry));
    }
}
