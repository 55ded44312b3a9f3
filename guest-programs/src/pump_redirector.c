/* The redirector of the paper's example: a system monitor that forwards the first
   REDIRECT_AFTER log entries to their destination and every later one to the replacement file
   system fs2 (change of destination, R5). It keeps the true source and does not touch the
   controlling monitor, so the pump is still notified when fs2 receives. */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "pump_protocol.h"

static void redirected(const struct intercepted *message)
{
    static l4_word forwarded;
    l4_thread_id to = ++forwarded <= REDIRECT_AFTER ? message->intended_receiver
                                                    : l4_lookup("fs2");
    if (to != message->intended_receiver) {
        char was[L4_NAME_SIZE];
        l4_printf("%s: log %u to fs2 instead of %s\n", my_name(), message->words[1],
                  thread_text(message->intended_receiver, was));
    }
    forward_or_fail_source(message, to, deceit());
}

int main(void)
{
    run_monitor(redirected, 0);
}
