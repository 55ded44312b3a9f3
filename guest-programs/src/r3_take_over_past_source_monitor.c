/*
 * R3 with M1 and M9: option 5 may name a source whose own send still waits for a busy
 * source-class monitor. The source is a blocked source from its send on (M1), in an IPC whose
 * path holds the forwarder, which is all R3 asks; the forward takes the IPC over, whichever
 * monitor of the path makes it. The source's waiting message is withdrawn, so the monitors
 * before the forwarder never see it (docs/spec-decisions.md), and the server gets one message.
 *
 * client -> anything passes srcmon (source); client -> server then passes sysmon (system).
 * srcmon is busy (asleep) whenever the client sends. The server (a sink) receives all the time.
 *
 *   round A, 1000: the client sends; at 1100 sysmon, a later monitor of the path, takes the
 *     IPC over past srcmon: the server gets sysmon's message as the client's, final delivery
 *     releases the client; srcmon, receiving from 2000 to 3000, gets nothing
 *   round B, 4000: the client sends; at 4100 srcmon itself, the busy monitor, takes it over:
 *     its message goes on to sysmon and the server; srcmon then gets nothing up to 5100
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define ROUND_A_US 1000
#define ROUND_B_US 4000
#define TAKE_OVER_AFTER_US 100
#define SRCMON_LISTENS_US 2000
#define QUIET_US 1000 /* how long srcmon waits for the withdrawn message */
#define DONE_US 7000
#define LABEL_CLIENT_A 0xA0
#define LABEL_SYSMON_A 0xA5
#define LABEL_CLIENT_B 0xB0
#define LABEL_SRCMON_B 0xB5

static void send_in_round(const char *what, l4_u64 at_us, l4_word label)
{
    sleep_until(at_us);
    l4_load_message(label, 0, 0);
    expect_ipc(what, untimed(l4_send(l4_lookup("server"))), succeeds(unmeasured()));
}

static void client(void)
{
    send_in_round("R3 client: send A, while srcmon is busy", ROUND_A_US, LABEL_CLIENT_A);
    send_in_round("R3 client: send B, while srcmon is busy", ROUND_B_US, LABEL_CLIENT_B);
    sleep_until(DONE_US);
    finish("R3");
}

static void take_over_client(const char *what, l4_u64 at_us, l4_word label)
{
    sleep_until(at_us);
    l4_ipc_result result = forward_own(l4_lookup("server"), label, label, taking_over(l4_lookup("client")));
    expect_ipc(what, untimed(result), succeeds(unmeasured()));
}

/* Only the client's withdrawn message could come; it is printed if it does. */
static void expect_nothing(const char *what, l4_word for_us)
{
    l4_ipc_result received = l4_wait_timeout(l4_timeout_us(for_us));
    if (!l4_ipc_failed(received))
        print_message("R3 srcmon", received);
    expect_ipc(what, untimed(received), fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, unmeasured()));
}

static void srcmon(void)
{
    sleep_until(SRCMON_LISTENS_US);
    expect_nothing("R3 srcmon: receive after round A, taken over past srcmon", QUIET_US);
    take_over_client("R3 srcmon: option 5 naming the client that waits for srcmon",
                     ROUND_B_US + TAKE_OVER_AFTER_US, LABEL_SRCMON_B);
    expect_nothing("R3 srcmon: receive after round B, taken over by srcmon", QUIET_US);
    l4_sleep_forever();
}

static void sysmon_redirected(const struct intercepted *message)
{
    print_intercepted("R3 sysmon", message);
    print_result("R3 sysmon", "forward to the server", pass_through(message));
}

static void sysmon(void)
{
    take_over_client("R3 sysmon: option 5 naming the client that waits for srcmon, before sysmon",
                     ROUND_A_US + TAKE_OVER_AFTER_US, LABEL_SYSMON_A);
    run_monitor(sysmon_redirected, 0);
}

static const struct role roles[] = {
    { "client", client },
    { "srcmon", srcmon },
    { "sysmon", sysmon },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
