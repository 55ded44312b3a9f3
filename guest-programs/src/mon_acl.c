/* An access-control monitor: refuses messages whose label is on the deny list by ending the
   source's IPC with option 1 and code ACCESS_DENIED, so the source's send fails with error 8 and
   that code in its ErrorCode (M3); everything else passes through. */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "access_control_protocol.h"

static const l4_word denied_labels[] = { LABEL_DELETE, LABEL_FORMAT };

static int is_denied(l4_word label)
{
    for (l4_word i = 0; i < sizeof denied_labels / sizeof denied_labels[0]; i++)
        if (denied_labels[i] == label)
            return 1;
    return 0;
}

static void redirected(const struct intercepted *message)
{
    if (!is_denied(message_label(message))) {
        pass_through(message);
        return;
    }
    char source[L4_NAME_SIZE];
    l4_printf("%s: refusing label 0x%x from %s with code 0x%x\n", my_name(),
              message_label(message), thread_text(message->received.from, source), ACCESS_DENIED);
    fail_blocked_source(message->blocked_source, ACCESS_DENIED);
}

int main(void)
{
    run_monitor(redirected, 0);
}
