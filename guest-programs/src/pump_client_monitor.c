/* The public client's own monitor (source class) in the paper's example. Hoping to time the
   secret file system, it makes itself controlling monitor (option 6). The pump takes that role
   over, so the kernel never notifies this monitor: it hears of delivery only when the pump
   passes the notification on (option 2, from = pump), and then releases the client (option 3). */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"

static void redirected(const struct intercepted *message)
{
    print_intercepted(my_name(), message);
    forward_or_fail_source(message, message->intended_receiver, deceit_controlled_by_me());
}

static void notified(const struct intercepted *message)
{
    print_notification(my_name(), message);
    char what[48];
    char source[L4_NAME_SIZE];
    struct notification notification = notification_of(message);
    l4_snprintf(what, sizeof what, "unblocking %s",
                thread_text(notification.blocked_source, source));
    print_result(my_name(), what, unblock(notification.blocked_source));
}

int main(void)
{
    run_monitor(redirected, notified);
}
