/* The NRL pump of the paper's example: a system monitor between the public client and the
   secret file systems. It forwards each message as the client's with itself as controlling
   monitor (option 6), so at delivery the kernel notifies it and leaves the client blocked (M6).
   It lets the IPC complete only at the next multiple of PUMP_PERIOD_US: it passes the
   notification on to the controlling monitor it displaced (option 2), or if there was none
   unblocks the source (option 3). When the client goes on thus depends on the pump's clock, not
   on the file system. */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/timeline.h"
#include "pump_protocol.h"

#define HELD_MAX 8

/* The controlling monitor each held IPC had before the pump took over. */
struct held_ipc {
    l4_thread_id blocked_source;
    l4_thread_id earlier_controller;
};

static struct held_ipc held[HELD_MAX];

static void hold(l4_thread_id blocked_source, l4_thread_id earlier_controller)
{
    for (l4_word i = 0; i < HELD_MAX; i++) {
        if (l4_is_nilthread(held[i].blocked_source)) {
            held[i] = (struct held_ipc){ blocked_source, earlier_controller };
            return;
        }
    }
    l4_printf("%s: more than %u IPCs held\n", my_name(), HELD_MAX);
}

/* The earlier controlling monitor of blocked_source's IPC (nilthread if none); forgets it. */
static l4_thread_id release(l4_thread_id blocked_source)
{
    for (l4_word i = 0; i < HELD_MAX; i++) {
        if (held[i].blocked_source == blocked_source) {
            l4_thread_id earlier = held[i].earlier_controller;
            held[i] = (struct held_ipc){ L4_NILTHREAD, L4_NILTHREAD };
            return earlier;
        }
    }
    return L4_NILTHREAD;
}

static void redirected(const struct intercepted *message)
{
    hold(message->blocked_source, message->controlling_monitor);
    forward_or_fail_source(message, message->intended_receiver, deceit_controlled_by_me());
}

static void notified(const struct intercepted *message)
{
    print_notification(my_name(), message);
    struct notification notification = notification_of(message);
    l4_word period = (l4_word)(now_us() / PUMP_PERIOD_US) + 1;
    sleep_until((l4_u64)period * PUMP_PERIOD_US);

    char what[64];
    char target[L4_NAME_SIZE];
    l4_thread_id earlier = release(notification.blocked_source);
    if (!l4_is_nilthread(earlier)) {
        l4_snprintf(what, sizeof what, "period %u: passing the notification on to %s", period,
                    thread_text(earlier, target));
        print_result(my_name(), what, pass_notification(earlier, notification));
    } else {
        l4_snprintf(what, sizeof what, "period %u: unblocking %s", period,
                    thread_text(notification.blocked_source, target));
        print_result(my_name(), what, unblock(notification.blocked_source));
    }
}

int main(void)
{
    run_monitor(redirected, notified);
}
