/*
 * Caller blockage by a monitor that never forwards (MINIX 3 IPC threat class "caller blockage";
 * docs/semantics.md M4, M8, P3). A destination-class monitor acts for the destination and is not
 * trusted by the source: delivery to it is final delivery, so a silent one cannot hold the
 * source's send (only the reply it never sends, under the source's receive timeout). A system
 * monitor is trusted: the source's send timeout is checked against the final receiver before
 * the monitor sees anything, and past that point only the source's own task can end the wait,
 * by cancelling it (exchange_registers halt and resume: error 3).
 *
 * `dropper` is vault's silent destination monitor; `blackhole` is the silent system monitor of
 * client -> server and client -> idle. `server` waits for ever, `idle` never receives.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define RECEIVE_TIMEOUT_US 500
#define SEND_TIMEOUT_US 300
#define WATCHDOG_AT_US 5000
#define WATCHDOG_AFTER_US 1000

static void silent_monitor(void)
{
    struct intercepted message;
    for (;;)
        monitor_wait(&message);
}

static void server(void)
{
    for (;;)
        l4_wait();
}

static void idle(void)
{
    l4_sleep_forever();
}

static void watchdog(void)
{
    sleep_until(WATCHDOG_AT_US + WATCHDOG_AFTER_US);
    l4_exchange_registers(l4_lookup("client"), L4_EXREGS_HALT | L4_EXREGS_RESUME, 0, 0);
}

static void client(void)
{
    l4_thread_id vault = l4_lookup("vault");
    l4_thread_id server = l4_lookup("server");
    l4_timeout send = l4_timeout_us(SEND_TIMEOUT_US);
    settle();

    l4_load_message(1, 0, 0);
    expect_ipc("H3 send to vault past a destination monitor that never forwards",
               timed_ipc(vault, L4_NILTHREAD, l4_timeouts(send, 0), L4_SND_DESC_NONE),
               succeeds(at_once()));
    expect_ipc("H3 call to vault past the same monitor, 500 us receive timeout",
               timed_ipc(vault, vault, l4_timeouts(send, l4_timeout_us(RECEIVE_TIMEOUT_US)), L4_SND_DESC_NONE),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, expiring_after(RECEIVE_TIMEOUT_US)));
    expect_ipc("H3 send with a 300 us timeout to a thread that never receives, past a silent system monitor",
               timed_ipc(l4_lookup("idle"), L4_NILTHREAD, l4_timeouts(send, 0), L4_SND_DESC_NONE),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, expiring_after(SEND_TIMEOUT_US)));

    sleep_until(WATCHDOG_AT_US);
    expect_ipc("H3 send to a receiving server, held by a system monitor that never forwards, ended by the client's own watchdog",
               timed_ipc(server, L4_NILTHREAD, l4_timeouts(send, 0), L4_SND_DESC_NONE),
               fails(L4_ERROR_CANCELLED, L4_PHASE_SEND, about(WATCHDOG_AFTER_US)));
    finish("H3");
}

static const struct role roles[] = {
    { "client", client }, { "client.watchdog", watchdog }, { "server", server },
    { "idle", idle },     { "vault", server },             { "dropper", silent_monitor },
    { "blackhole", silent_monitor },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}

/* The entry of the client task's second thread. */
L4_THREAD_ENTRY void second_thread(void)
{
    PLAY_MY_ROLE(roles);
}
