/*
 * S3 Timeouts: the send timeout bounds the wait for the destination to start receiving, the
 * receive timeout the wait for a sender. Zero fails at once if the partner is not ready, never
 * waits for as long as it takes. Time is virtual, so expiry is exact.
 *
 * Roles: the driver measures; `late` becomes ready only a set time after each start signal.
 * The task `sleeper` (idle.elf) neither sends nor receives.
 */
#include <l4.h>
#include "common/scenario.h"

#define LATE_RECEIVER_US 400
#define LONG_SEND_TIMEOUT_US 2000
#define LATE_NEVER_RECEIVER_US 3000
#define LATE_SENDER_US 2500
#define LABEL_START 0x31
#define LABEL_DATA 0x32

static void late(void)
{
    l4_thread_id driver = l4_lookup("driver");

    /* Each round: take the start signal, wait, then become ready. */
    l4_receive(driver);
    l4_sleep(LATE_RECEIVER_US);
    l4_receive(driver);

    l4_receive(driver);
    l4_sleep(LATE_NEVER_RECEIVER_US);
    l4_receive(driver);

    l4_receive(driver);
    l4_sleep(LATE_SENDER_US);
    l4_load_message(LABEL_DATA, 0, 0);
    l4_send(driver);

    l4_receive(driver); /* waiting when the driver's zero-timeout send comes */
}

static struct timed_result send_measured(l4_thread_id to, l4_timeout send)
{
    l4_load_message(LABEL_DATA, 0, 0);
    return timed_ipc(to, L4_NILTHREAD, l4_timeouts(send, L4_TIMEOUT_NEVER), L4_SND_DESC_NONE);
}

static struct timed_result receive_measured(l4_thread_id from_spec, l4_timeout receive)
{
    return timed_ipc(L4_NILTHREAD, from_spec, l4_timeouts(L4_TIMEOUT_NEVER, receive),
                     L4_SND_DESC_NONE);
}

static void driver(void)
{
    l4_thread_id sleeper = l4_lookup("sleeper");
    l4_thread_id late = l4_lookup("late");

    settle();
    expect_ipc("S3 zero send timeout, receiver not waiting", send_measured(sleeper, L4_TIMEOUT_ZERO),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, at_once()));
    expect_ipc("S3 zero receive timeout, nobody sending", receive_measured(sleeper, L4_TIMEOUT_ZERO),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, at_once()));
    expect_ipc("S3 500 us receive timeout, closed wait on a thread that never sends",
               receive_measured(sleeper, l4_timeout_us(500)),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, expiring_after(500)));
    expect_ipc("S3 1500 us receive timeout, open wait nobody answers",
               receive_measured(L4_ANYTHREAD, l4_timeout_us(1500)),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, expiring_after(1500)));
    expect_ipc("S3 700 us send timeout to a thread that never receives",
               send_measured(sleeper, l4_timeout_us(700)),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, expiring_after(700)));

    send_signal(late, LABEL_START);
    expect_ipc("S3 2000 us send timeout, receiver ready after 400 us",
               send_measured(late, l4_timeout_us(LONG_SEND_TIMEOUT_US)),
               succeeds(about(LATE_RECEIVER_US)));
    send_signal(late, LABEL_START);
    expect_ipc("S3 never send timeout, receiver ready after 3000 us",
               send_measured(late, L4_TIMEOUT_NEVER), succeeds(about(LATE_NEVER_RECEIVER_US)));
    send_signal(late, LABEL_START);
    expect_ipc("S3 never receive timeout, sender sends after 2500 us",
               receive_measured(late, L4_TIMEOUT_NEVER), succeeds(about(LATE_SENDER_US)));

    settle(); /* late is back in its receive */
    expect_ipc("S3 zero send timeout, receiver waiting", send_measured(late, L4_TIMEOUT_ZERO),
               succeeds(at_once()));

    finish("S3");
}

static const struct role roles[] = {
    { "driver", driver },
    { "late", late },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
