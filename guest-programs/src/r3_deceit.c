/*
 * R3 Deceit: a monitor may forward claiming true source S only if it is on the path of an IPC
 * from S (a system monitor to any destination, a source or destination monitor only to
 * destinations whose path holds it); a blocked source named by option 5 must be blocked in an
 * IPC whose path holds the monitor; otherwise error 6, at once. A monitor may forward more than
 * one message for one received IPC.
 *
 * Roles: `client` sends to `server` (through the system monitor `fwd`) and to `server3`
 * (through the source monitor `srcmon`). `waiter` sends to `server2` through `holder`, which
 * keeps it HOLD_US. `rogue` is a system monitor, but only for IPC from `bystander`, which never
 * sends. The servers are sinks, so their lines show what was delivered.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"

#define HOLD_US 1000
#define ROGUE_START_US 50
#define HOLDER_DONE_US 2000 /* after holder has forwarded the waiter's message */
#define LABEL_TWICE 0xA
#define LABEL_TO_SERVER3 0xB
#define LABEL_WAITER 0xC
#define LABEL_ROGUE 0xE

static struct timed_result forward_timed(const struct intercepted *message, l4_thread_id to,
                                         struct forwarding how)
{
    l4_u64 start = l4_system_clock();
    l4_ipc_result result = forward(message, to, how);
    return (struct timed_result){ result, l4_system_clock() - start };
}

static struct forwarding deceit_with_blocked_source(l4_thread_id blocked_source)
{
    return (struct forwarding){ .option = L4_OPTION_DECEIT_BLOCKED_SOURCE,
                                .blocked_source = blocked_source };
}

static struct forwarding deceit_claiming(l4_thread_id true_source)
{
    return (struct forwarding){ .option = L4_OPTION_DECEIT, .true_source = true_source };
}

static void fwd_redirected(const struct intercepted *message)
{
    l4_thread_id server = message->intended_receiver;
    expect_ipc("R3 fwd: option 5 naming a thread that is not blocked",
               forward_timed(message, server, deceit_with_blocked_source(l4_lookup("bystander"))),
               fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, at_once()));
    expect_ipc("R3 fwd: option 5 naming a thread blocked on a path without fwd",
               forward_timed(message, server, deceit_with_blocked_source(l4_lookup("waiter"))),
               fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, at_once()));
    expect_ipc("R3 fwd: deceit claiming a source whose IPC does not pass fwd",
               forward_timed(message, server, deceit_claiming(l4_lookup("waiter"))),
               fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, at_once()));
    expect_ipc("R3 fwd: first forward of the client's message",
               untimed(forward(message, server, deceit())), succeeds(unmeasured()));
    expect_ipc("R3 fwd: second forward of the same message",
               untimed(forward(message, server, deceit())), succeeds(unmeasured()));
}

static void fwd(void)
{
    run_monitor(fwd_redirected, 0);
}

static void srcmon_redirected(const struct intercepted *message)
{
    expect_ipc("R3 srcmon: source monitor forwarding to server, whose path does not hold it",
               forward_timed(message, l4_lookup("server"), deceit()),
               fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, at_once()));
    expect_ipc("R3 srcmon: forwarding to the intended receiver",
               untimed(forward(message, message->intended_receiver, deceit())),
               succeeds(unmeasured()));
}

static void srcmon(void)
{
    run_monitor(srcmon_redirected, 0);
}

static void holder_redirected(const struct intercepted *message)
{
    l4_sleep(HOLD_US);
    pass_through(message);
}

static void holder(void)
{
    run_monitor(holder_redirected, 0);
}

static void rogue(void)
{
    struct l4_ipc_params params = { .true_source = l4_lookup("client") };
    l4_sleep(ROGUE_START_US);
    l4_load_message(LABEL_ROGUE, 0, 0);
    expect_ipc("R3 rogue: deceit claiming client, by a monitor not on the client's path",
               timed_ipc(l4_lookup("server"), L4_NILTHREAD, 0,
                         l4_snd_desc_option(L4_OPTION_DECEIT, &params)),
               fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, at_once()));
    l4_sleep_forever();
}

static void waiter(void)
{
    l4_load_message(LABEL_WAITER, 0, 0);
    expect_ipc("R3 waiter: send held by holder", untimed(l4_send(l4_lookup("server2"))),
               succeeds(unmeasured()));
}

static void bystander(void)
{
    l4_sleep_forever();
}

static void client(void)
{
    settle();
    l4_load_message(LABEL_TWICE, 0, 0);
    expect_ipc("R3 client: send that fwd forwards twice", untimed(l4_send(l4_lookup("server"))),
               succeeds(unmeasured()));
    l4_load_message(LABEL_TO_SERVER3, 0, 0);
    expect_ipc("R3 client: send to server3 through srcmon", untimed(l4_send(l4_lookup("server3"))),
               succeeds(unmeasured()));
    l4_sleep(HOLDER_DONE_US);
    finish("R3");
}

static const struct role roles[] = {
    { "client", client }, { "fwd", fwd },       { "srcmon", srcmon },       { "holder", holder },
    { "rogue", rogue },   { "waiter", waiter }, { "bystander", bystander },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
