/*
 * R1 at run time: the redirection controller (a privileged task) adds a rule with the redirect
 * system call, so the client's next IPC passes the monitor; after it removes the rule the IPC
 * goes direct again. Unprivileged callers, bad ops and unknown threads are refused.
 *
 * Timeline: the client sends at 0, 1000 and 2000 us; the controller adds the rule at 500 us and
 * removes it at 1500 us.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

static void send_at(l4_u64 at_us, l4_word label)
{
    char what[48];
    sleep_until(at_us);
    l4_load_message(label, 0, 0);
    l4_snprintf(what, sizeof what, "R1 client: send of label 0x%x", label);
    expect_ipc(what, untimed(l4_send(l4_lookup("server"))), succeeds(unmeasured()));
}

static void client(void)
{
    send_at(0, 0x71);
    send_at(1000, 0x72);
    send_at(2000, 0x73);
    expect_value("R1 client: redirect from an unprivileged task",
                 l4_redirect(L4_REDIRECT_ADD, l4_myself(), l4_lookup("server"), l4_lookup("monitor")),
                 L4_ERROR_NOT_PERMITTED);
    settle();
    finish("R1");
}

static void controller(void)
{
    l4_thread_id client = l4_lookup("client");
    l4_thread_id server = l4_lookup("server");
    l4_thread_id monitor = l4_lookup("monitor");
    sleep_until(500);
    expect_value("R1 controller: add client -> server via monitor (system class)",
                 l4_redirect(L4_REDIRECT_ADD | L4_MONITOR_CLASS_SYSTEM, client, server, monitor), 0);
    sleep_until(1500);
    expect_value("R1 controller: remove that rule",
                 l4_redirect(L4_REDIRECT_REMOVE, client, server, monitor), 0);
    expect_value("R1 controller: remove it again",
                 l4_redirect(L4_REDIRECT_REMOVE, client, server, monitor), L4_ERROR_INVALID_ARGUMENT);
    expect_value("R1 controller: an undefined op",
                 l4_redirect(7, client, server, monitor), L4_ERROR_INVALID_ARGUMENT);
    expect_value("R1 controller: an unknown monitor thread",
                 l4_redirect(L4_REDIRECT_ADD, client, server, l4_thread_id_make(4000, 1)), L4_ERROR_NO_PARTNER);
    /* As a <redirect> element may: a monitor of the rule's own source and destination tasks. */
    expect_value("R1 controller: add a rule whose monitor is of its own source task",
                 l4_redirect(L4_REDIRECT_ADD, l4_myself(), server, l4_myself()), 0);
    expect_value("R1 controller: add a rule whose monitor is of its own destination task",
                 l4_redirect(L4_REDIRECT_ADD | L4_MONITOR_CLASS_DESTINATION, client, server, server), 0);
    expect_value("R1 controller: remove both",
                 l4_redirect(L4_REDIRECT_REMOVE, l4_myself(), server, l4_myself())
                     | l4_redirect(L4_REDIRECT_REMOVE, client, server, server), 0);
    l4_exit_thread();
}

static void monitor_saw(const struct intercepted *message)
{
    l4_printf("R1 monitor: label 0x%x from client passed the monitor\n", message_label(message));
    pass_through(message);
}

static void monitor(void)
{
    run_monitor(monitor_saw, 0);
}

static const struct role roles[] = {
    { "client", client },
    { "controller", controller },
    { "monitor", monitor },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
