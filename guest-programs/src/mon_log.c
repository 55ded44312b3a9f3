/* A logging monitor: a pass-through monitor that prints one line per message it forwards,
   "log NAME: source -> intended receiver, label, dope bits", so a chain of them shows the order
   of a path (R1). */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"

static void redirected(const struct intercepted *message)
{
    char who[L4_NAME_SIZE + 4];
    print_intercepted(l4_snprintf(who, sizeof who, "log %s", my_name()), message);
    pass_through(message);
}

int main(void)
{
    run_monitor(redirected, 0);
}
