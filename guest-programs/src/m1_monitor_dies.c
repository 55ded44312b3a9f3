/*
 * M1, S2 with monitors: a blocked source is unblocked at final delivery "or when an error ends
 * it" — also when the monitor holding its IPC dies before forwarding it (the source's send
 * fails with error 2), and when the controlling monitor that holds it after delivery dies (the
 * message was delivered, so the send completes).
 *
 * Paths: client -> victim1 through `dying` (it receives, then exits without forwarding);
 * client -> victim2 through `controller` (option 6, then it exits on the notification);
 * client -> busy through `dying`, once dead: the send fails at once with error 2, although
 * busy is not receiving, rather than waiting at the M4 check (S2, docs/semantics.md).
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"

static void dying_redirected(const struct intercepted *message)
{
    (void)message;
    l4_print("M1 dying: holding the message, exiting without forwarding it\n");
    l4_exit_thread();
}

static void dying(void)
{
    run_monitor(dying_redirected, 0);
}

static void controller_redirected(const struct intercepted *message)
{
    print_result("M1 controller", "forward as controlling monitor",
                 forward(message, message->intended_receiver, deceit_controlled_by_me()));
}

static void controller_notified(const struct intercepted *message)
{
    print_notification("M1 controller", message);
    l4_print("M1 controller: exiting without unblocking the source\n");
    l4_exit_thread();
}

static void controller(void)
{
    run_monitor(controller_redirected, controller_notified);
}

static void client(void)
{
    settle();
    l4_load_message(0x61, 0, 0);
    expect_ipc("M1 send whose monitor dies holding it",
               untimed(l4_send_timeout(l4_lookup("victim1"), l4_timeout_us(500))),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, unmeasured()));
    settle();
    l4_load_message(0x62, 0, 0);
    expect_ipc("M1 send held for a controlling monitor that dies",
               untimed(l4_send(l4_lookup("victim2"))), succeeds(unmeasured()));
    l4_load_message(0x63, 0, 0);
    expect_ipc("S2 send through a dead system monitor to a thread not receiving",
               timed_ipc(l4_lookup("busy"), L4_NILTHREAD, l4_timeouts(l4_timeout_us(500), L4_TIMEOUT_NEVER),
                         L4_SND_DESC_NONE),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, at_once()));
    finish("M1");
}

static const struct role roles[] = {
    { "client", client },
    { "dying", dying },
    { "controller", controller },
    { "busy", l4_sleep_forever },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
