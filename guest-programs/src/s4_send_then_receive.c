/*
 * S4 Two-phase IPC: the receive phase begins when the send phase completes, and may name any
 * partner: (D, self) sends and then sleeps for the receive timeout, (D, E) sends to D and waits
 * for E, (D, a thread that does not exist) delivers to D and then fails with error 2 in its
 * receive phase (S2). The receive timeout runs from the start of the receive phase, so a
 * reply-and-wait whose send blocks first ends after both; a send phase that fails ends the IPC
 * with no receive phase.
 *
 * Roles: the driver measures. Its siblings: `sink` takes every message in an open wait and
 * keeps the last label; `late` and `slow` wait for a start signal, sleep, then send to the
 * driver (`late`) or begin receiving from it (`slow`).
 */
#include <l4.h>
#include "common/scenario.h"

#define LATE_SENDER_US 100
#define SLOW_RECEIVER_US 300
#define RECEIVE_TIMEOUT_US 100
#define SEND_TIMEOUT_US 200
#define SHORT_RECEIVE_TIMEOUT_US 50
#define SLEEP_US 200
#define ABSENT_NUMBER 999
#define LABEL_START 0x40
#define LABEL_SELF 0x41
#define LABEL_PAIR 0x42
#define LABEL_ABSENT 0x43
#define LABEL_LATE 0x44
#define LABEL_REPLY 0x45

static volatile l4_word sink_label;

L4_THREAD_ENTRY void sink_main(void)
{
    for (;;) {
        l4_wait();
        sink_label = l4_msg_tag_label(l4_mr(0));
    }
}

L4_THREAD_ENTRY void late_main(void)
{
    l4_thread_id driver = l4_lookup("partners");

    l4_receive(driver);
    l4_sleep(LATE_SENDER_US);
    l4_load_message(LABEL_LATE, 0, 0);
    l4_send(driver);
    l4_sleep_forever();
}

L4_THREAD_ENTRY void slow_main(void)
{
    l4_thread_id driver = l4_lookup("partners");

    l4_receive(driver);
    l4_sleep(SLOW_RECEIVER_US);
    l4_receive(driver);
    l4_sleep_forever();
}

/* Sends `label` to the sink with no send timeout, then receives as `from_spec` says. */
static struct timed_result send_to_sink_then(l4_thread_id sink, l4_word label, l4_thread_id from_spec,
                                             l4_timeout receive)
{
    sink_label = 0;
    l4_load_message(label, 0, 0);
    return timed_ipc(sink, from_spec, l4_timeouts(L4_TIMEOUT_NEVER, receive), L4_SND_DESC_NONE);
}

int main(void)
{
    l4_thread_id sink = l4_lookup("partners.sink");
    l4_thread_id late = l4_lookup("partners.late");
    l4_thread_id slow = l4_lookup("partners.slow");
    l4_thread_id absent = l4_thread_id_make(ABSENT_NUMBER, 1);

    settle();
    expect_ipc("S4 send to a waiting thread, then receive from oneself (a sleep of 200 us)",
               send_to_sink_then(sink, LABEL_SELF, l4_myself(), l4_timeout_us(SLEEP_US)),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, expiring_after(SLEEP_US)));
    expect_hex("S4 the send phase was delivered first: the waiting thread's label", sink_label, LABEL_SELF);

    send_signal(late, LABEL_START);
    expect_ipc("S4 send to one thread, closed wait on another that sends 100 us later",
               send_to_sink_then(sink, LABEL_PAIR, late, L4_TIMEOUT_NEVER),
               succeeds(about(LATE_SENDER_US)));
    expect_hex("S4 the message came from the other thread: its label", l4_msg_tag_label(l4_mr(0)), LABEL_LATE);
    settle();
    expect_hex("S4 and the first thread got the send phase: its label", sink_label, LABEL_PAIR);

    struct timed_result absent_result = send_to_sink_then(sink, LABEL_ABSENT, absent, L4_TIMEOUT_NEVER);
    expect_ipc("S2 send to a waiting thread, then closed wait on a thread that does not exist",
               absent_result, fails(L4_ERROR_NO_PARTNER, L4_PHASE_RECEIVE, at_once()));
    settle();
    expect_hex("S2 the send phase completed before the error: the waiting thread's label", sink_label,
               LABEL_ABSENT);

    send_signal(slow, LABEL_START);
    l4_load_message(LABEL_REPLY, 0, 0);
    expect_ipc("S4 reply-and-wait whose send waits 300 us, receive timeout 100 us",
               timed_ipc(slow, L4_ANYTHREAD, l4_timeouts(L4_TIMEOUT_NEVER, l4_timeout_us(RECEIVE_TIMEOUT_US)),
                         L4_SND_DESC_NONE),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, about(SLOW_RECEIVER_US + RECEIVE_TIMEOUT_US)));

    l4_load_message(LABEL_REPLY, 0, 0);
    expect_ipc("S4 call with a 200 us send timeout to a thread that never receives, receive timeout 50 us",
               timed_ipc(slow, slow, l4_timeouts(l4_timeout_us(SEND_TIMEOUT_US),
                                                 l4_timeout_us(SHORT_RECEIVE_TIMEOUT_US)),
                         L4_SND_DESC_NONE),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, expiring_after(SEND_TIMEOUT_US)));
    finish("S4");
}
