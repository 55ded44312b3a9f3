/*
 * R1 Path order: the monitors of an IPC from S to D are the matching source-class rules, then
 * system-class, then destination-class, each in the order the rules were added, each monitor
 * once. Every monitor in r1_path_order.xml is a logging monitor, so the order of their lines is
 * the path; the rules there are listed out of order on purpose.
 *
 * The client sends once to `server` (five monitors) and once to `other` (one).
 */
#include <l4.h>
#include "common/scenario.h"

#define LABEL_TO_SERVER 0x1
#define LABEL_TO_OTHER 0x2

static struct timed_result send_to(const char *name, l4_word label)
{
    l4_load_message(label, 0, 0);
    return untimed(l4_send(l4_lookup(name)));
}

int main(void)
{
    settle();
    expect_ipc("R1 send to server through five monitors", send_to("server", LABEL_TO_SERVER),
               succeeds(unmeasured()));
    expect_ipc("R1 send to other through one monitor", send_to("other", LABEL_TO_OTHER),
               succeeds(unmeasured()));
    settle();
    finish("R1");
}
