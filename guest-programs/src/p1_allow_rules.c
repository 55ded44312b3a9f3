/*
 * P1 IPC permission: a task with `allow` rules may send only to their destinations; other
 * sends fail with error 6, at once, unless a redirection rule routes them to a monitor, which
 * decides.
 *
 * The client may send only to `server`. Its IPC to `vault` is routed to `gate` (system
 * monitor), which forwards LABEL_OPEN and refuses LABEL_SECRET with option 1 and code
 * REFUSED_CODE. `free` has no allow rules and may send anywhere. Receivers are sinks.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"

#define REFUSED_CODE 0x6
#define LABEL_PLAIN 0x1
#define LABEL_OPEN 0x2
#define LABEL_SECRET 0x3
#define LABEL_FREE 0x4

static void gate_redirected(const struct intercepted *message)
{
    if (message_label(message) == LABEL_SECRET)
        print_result("P1 gate", "refusing the secret with option 1",
                     fail_blocked_source(message->blocked_source, REFUSED_CODE));
    else
        print_result("P1 gate", "forwarding to the vault", pass_through(message));
}

static void gate(void)
{
    run_monitor(gate_redirected, 0);
}

static struct timed_result send_to(const char *name, l4_word label)
{
    l4_load_message(label, 0, 0);
    return timed_ipc(l4_lookup(name), L4_NILTHREAD, 0, L4_SND_DESC_NONE);
}

static void free_task(void)
{
    expect_ipc("P1 free: send to other, with no allow rules", send_to("other", LABEL_FREE),
               succeeds(unmeasured()));
}

static void client(void)
{
    settle();
    expect_ipc("P1 client: send to server, allowed", send_to("server", LABEL_PLAIN),
               succeeds(unmeasured()));
    expect_ipc("P1 client: send to other, not allowed", send_to("other", LABEL_PLAIN),
               fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, at_once()));
    l4_load_message(LABEL_PLAIN, 0, 0);
    expect_ipc("P1 client: call to other, not allowed",
               timed_ipc(l4_lookup("other"), l4_lookup("other"), 0, L4_SND_DESC_NONE),
               fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, at_once()));
    expect_ipc("P1 client: send to vault, not allowed but routed to gate, which forwards it",
               send_to("vault", LABEL_OPEN), succeeds(unmeasured()));
    struct timed_result refused = send_to("vault", LABEL_SECRET);
    l4_word error_code = l4_error_code();
    expect_ipc("P1 client: send to vault that gate refuses", refused,
               fails(L4_ERROR_MONITOR, L4_PHASE_SEND, unmeasured()));
    expect_value("P1 client: send to vault that gate refuses, ErrorCode", error_code, REFUSED_CODE);
    settle();
    finish("P1");
}

static const struct role roles[] = {
    { "client", client },
    { "gate", gate },
    { "free", free_task },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
