/*
 * Caller blockage by a receiver that never receives (MINIX 3 IPC threat class "caller
 * blockage"; docs/semantics.md S3, P3): a hostile receiver cannot hold a sender beyond the sender's
 * own timeouts, and a sender that chose to wait for ever can still be freed by its own task.
 *
 * `sink` sleeps for ever; `hog` takes one call and never replies; `client.watchdog`, a thread of
 * the client's own task, cancels the client's never-ending send at a scripted time with
 * exchange_registers (halt and resume), which ends the IPC with error 3.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/timeline.h"

#define SEND_TIMEOUT_US 500
#define RECEIVE_TIMEOUT_US 800
#define WATCHDOG_AT_US 5000
#define WATCHDOG_AFTER_US 1000

static void sink(void)
{
    l4_sleep_forever();
}

/* Takes one message and keeps its sender waiting for a reply that never comes. */
static void hog(void)
{
    l4_wait();
    l4_sleep_forever();
}

static void watchdog(void)
{
    sleep_until(WATCHDOG_AT_US + WATCHDOG_AFTER_US);
    l4_exchange_registers(l4_lookup("client"), L4_EXREGS_HALT | L4_EXREGS_RESUME, 0, 0);
}

static void client(void)
{
    l4_thread_id sink = l4_lookup("sink");
    l4_thread_id hog = l4_lookup("hog");
    l4_timeout send = l4_timeout_us(SEND_TIMEOUT_US);
    settle();

    l4_load_message(1, 0, 0);
    expect_ipc("H1 send with a 500 us timeout to a receiver that never receives",
               timed_ipc(sink, L4_NILTHREAD, l4_timeouts(send, 0), L4_SND_DESC_NONE),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, expiring_after(SEND_TIMEOUT_US)));
    expect_ipc("H1 call with a 500 us send timeout to a receiver that never receives",
               timed_ipc(sink, sink, l4_timeouts(send, 0), L4_SND_DESC_NONE),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, expiring_after(SEND_TIMEOUT_US)));
    expect_ipc("H1 zero-timeout send to a receiver that never receives",
               timed_ipc(sink, L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, 0), L4_SND_DESC_NONE),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, at_once()));
    expect_ipc("H1 call with an 800 us receive timeout to a server that never replies",
               timed_ipc(hog, hog, l4_timeouts(send, l4_timeout_us(RECEIVE_TIMEOUT_US)), L4_SND_DESC_NONE),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, expiring_after(RECEIVE_TIMEOUT_US)));

    sleep_until(WATCHDOG_AT_US);
    expect_ipc("H1 send without a timeout to a receiver that never receives, ended by the client's own watchdog",
               timed_ipc(sink, L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_NEVER, 0), L4_SND_DESC_NONE),
               fails(L4_ERROR_CANCELLED, L4_PHASE_SEND, about(WATCHDOG_AFTER_US)));
    finish("H1");
}

static const struct role roles[] = {
    { "client", client },
    { "client.watchdog", watchdog },
    { "sink", sink },
    { "hog", hog },
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
