/*
 * R3, what docs/semantics.md settles for a forward's arguments: options 4-7 without a parameter
 * block are error 9; a destination or true source that does not exist is error 2; a source- or
 * destination-class monitor may forward only to destinations whose path from the true source
 * holds it (error 6); refused deceit delivers nothing.
 *
 * Roles: `client` sends to `server` through the system monitor `mons` and then to `server2`
 * through the destination-class monitor `mons.dst`, a thread of the same task (so one verdict
 * counts both). Each monitor tries the refused forwards first, then forwards honestly; the
 * servers are sinks, so their lines show that each got exactly the honest forward.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"

#define LABEL_TO_SERVER 0x21
#define LABEL_TO_SERVER2 0x22

static const l4_thread_id NO_SUCH_THREAD = 4000u << 14 | 1u;

static void client(void)
{
    settle();
    l4_load_message(LABEL_TO_SERVER, 0, 0);
    print_result("R3 client", "send to server through mons", l4_send(l4_lookup("server")));
    l4_load_message(LABEL_TO_SERVER2, 0, 0);
    print_result("R3 client", "send to server2 through mons.dst", l4_send(l4_lookup("server2")));
    l4_sleep_forever(); /* a forward claiming a true source that has exited gets error 2 */
}

/* The kept message forwarded with `option` but no parameter block at all. */
static struct timed_result without_block(const struct intercepted *message, enum l4_option option)
{
    for (l4_word i = 0; i <= l4_msg_tag_untyped(message->words[0]); i++)
        l4_set_mr(i, message->words[i]);
    return untimed(l4_ipc(message->intended_receiver, L4_NILTHREAD, 0, l4_snd_desc_option(option, 0)));
}

static struct forwarding claiming(l4_thread_id true_source)
{
    struct forwarding how = deceit();
    how.true_source = true_source;
    return how;
}

static void system_monitor(void)
{
    struct intercepted message;
    monitor_wait(&message);
    expect_ipc("R3 mons: option 4 without a parameter block", without_block(&message, L4_OPTION_DECEIT),
               fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_SEND, unmeasured()));
    expect_ipc("R3 mons: option 7 without a parameter block",
               without_block(&message, L4_OPTION_DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR),
               fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_SEND, unmeasured()));
    expect_ipc("R3 mons: option 4 claiming a true source that does not exist",
               untimed(forward(&message, message.intended_receiver, claiming(NO_SUCH_THREAD))),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, unmeasured()));
    expect_ipc("R3 mons: option 4 to a destination that does not exist",
               untimed(forward(&message, NO_SUCH_THREAD, deceit())),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, unmeasured()));
    expect_ipc("R3 mons: the honest forward", untimed(forward(&message, message.intended_receiver, deceit())),
               succeeds(unmeasured()));
    l4_sleep_forever();
}

static void destination_monitor(void)
{
    struct intercepted message;
    monitor_wait(&message);
    expect_ipc("R3 mons.dst: a destination monitor forwarding to server, whose path from client does not hold it",
               untimed(forward(&message, l4_lookup("server"), deceit())),
               fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, unmeasured()));
    expect_ipc("R3 mons.dst: the honest forward", untimed(forward(&message, message.intended_receiver, deceit())),
               succeeds(unmeasured()));
    settle(); /* the servers print what they got */
    finish("R3");
}

static const struct role roles[] = {
    { "client", client },
    { "mons", system_monitor },
    { "mons.dst", destination_monitor },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}

/* The entry of the monitors' task's second thread. */
L4_THREAD_ENTRY void second_thread(void)
{
    PLAY_MY_ROLE(roles);
}
