/*
 * R1 with a path made when the send starts: the client's send to the server waits at the final
 * receiver check (M4) for its system monitor's turn; meanwhile the controller removes the rule
 * and the monitor exits. When the server becomes ready the IPC fails with error 2 at the dead
 * monitor (fail-closed, docs/spec-decisions.md): it neither reaches the server directly nor
 * waits for ever. Its trace checks clean: the kernel reports no redirection to the dead monitor.
 *
 * Timeline: the client sends at 0 us; the controller removes the rule at 500 us, the monitor
 * exits at 1000 us, the server waits from 1500 us for 1000 us.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/timeline.h"

#define LABEL 0x74

static void client(void)
{
    l4_load_message(LABEL, 0, 0);
    l4_ipc_result sent = l4_send(l4_lookup("server"));
    expect_value("R1 client: the send whose path's monitor died fails with error", l4_ipc_error(sent),
                 L4_ERROR_NO_PARTNER);
    sleep_until(3000);
    finish("R1");
}

static void controller(void)
{
    sleep_until(500);
    expect_value("R1 controller: remove client -> server via monitor",
                 l4_redirect(L4_REDIRECT_REMOVE, l4_lookup("client"), l4_lookup("server"), l4_lookup("monitor")), 0);
    l4_exit_thread();
}

static void monitor(void)
{
    sleep_until(1000);
    l4_exit_thread();
}

static void server(void)
{
    sleep_until(1500);
    expect_value("R1 server: its wait times out, no message reached it (error)",
                 l4_ipc_error(l4_wait_timeout(l4_timeout_us(1000))), L4_ERROR_TIMEOUT);
    l4_exit_thread();
}

static const struct role roles[] = {
    { "client", client },
    { "controller", controller },
    { "monitor", monitor },
    { "server", server },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
