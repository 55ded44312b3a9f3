/* A rate-limiting monitor: lets MESSAGES_PER_WINDOW messages through per WINDOW_US of virtual
   time and holds the rest until the next window. Windows start with the first message. The
   sources stay blocked while held (M1), and virtual time makes the schedule exact. */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/timeline.h"

#define WINDOW_US 1000
#define MESSAGES_PER_WINDOW 2

static l4_u64 first_window_start;
static l4_word current_window;
static l4_word passed_in_window;
static l4_word messages_seen;

static l4_word window_at(l4_u64 time_us)
{
    return (l4_word)((time_us - first_window_start) / WINDOW_US);
}

static void enter_window(l4_word window)
{
    current_window = window;
    passed_in_window = 0;
}

static void redirected(const struct intercepted *message)
{
    if (messages_seen++ == 0)
        first_window_start = now_us();
    l4_word window = window_at(now_us());
    if (window != current_window)
        enter_window(window);
    if (passed_in_window == MESSAGES_PER_WINDOW) {
        enter_window(current_window + 1);
        l4_printf("%s: message %u held until window %u\n", my_name(), messages_seen,
                  current_window);
        sleep_until(first_window_start + (l4_u64)current_window * WINDOW_US);
    }
    passed_in_window++;
    pass_through(message);
}

int main(void)
{
    run_monitor(redirected, 0);
}
