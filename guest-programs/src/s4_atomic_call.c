/*
 * S4 Two-phase IPC is atomic: in a call or a reply-and-wait, the receive phase begins in the
 * same kernel step in which the send phase completes. So a reply sent with a zero timeout right
 * after receipt never fails, a reply-and-wait server is ready for the next call at once, a
 * failing send phase ends the IPC with no receive phase, and the receive timeout runs from the
 * start of the receive phase.
 *
 * Roles: the `client` drives and prints; `server` answers calls; `second` is another client;
 * `slow` receives 400 us after each start signal and replies 200 or 500 us later. The task
 * `idle` (idle.elf) never receives.
 */
#include <l4.h>
#include "common/scenario.h"

#define ZERO_REPLY_CALLS 3
#define SLOW_READY_US 400
#define SLOW_RECEIVE_TIMEOUT_US 300
#define FAILING_SEND_TIMEOUT_US 300
#define LABEL_ZERO_REPLY 1 /* the server answers with a separate zero-timeout send */
#define LABEL_REPLY_WAIT 2 /* the server answers with reply-and-wait */
#define LABEL_REPORT 3     /* the server answers how many of its zero-timeout replies failed */
#define LABEL_START 4

static const l4_word slow_reply_delays_us[] = { 200, 500 };

static void load_one_word(l4_word label, l4_word value)
{
    l4_load_message(label, 1, &value);
}

static void server(void)
{
    l4_word failed_zero_replies = 0;
    l4_ipc_result request = l4_wait();
    for (;;) {
        if (l4_ipc_failed(request)) {
            request = l4_wait();
            continue;
        }
        l4_word label = l4_msg_tag_label(l4_msg_tag_current());
        l4_word answer = label == LABEL_REPORT ? failed_zero_replies : l4_mr(1) + 100;
        load_one_word(0, answer);
        if (label == LABEL_ZERO_REPLY) {
            if (l4_ipc_failed(l4_reply(request.from)))
                failed_zero_replies++;
            request = l4_wait();
        } else {
            request = l4_reply_wait(request.from);
        }
    }
}

static void second(void)
{
    l4_thread_id client = l4_lookup("client");
    l4_receive(client);
    load_one_word(LABEL_REPLY_WAIT, 6);
    l4_ipc_result call = l4_call_timeouts(l4_lookup("server"), L4_TIMEOUT_ZERO,
                                          l4_timeout_us(PATIENT_US));
    load_one_word(LABEL_REPORT, call.dope);
    l4_send(client);
}

static void slow(void)
{
    l4_thread_id client = l4_lookup("client");
    for (l4_word round = 0; round < sizeof slow_reply_delays_us / sizeof slow_reply_delays_us[0];
         round++) {
        l4_receive(client);
        l4_sleep(SLOW_READY_US);
        l4_ipc_result call = l4_wait();
        l4_sleep(slow_reply_delays_us[round]);
        load_one_word(0, 0);
        l4_reply(call.from);
    }
}

static struct timed_result call(l4_thread_id to, l4_word label, l4_word value, l4_timeout send,
                                l4_timeout receive)
{
    load_one_word(label, value);
    return timed_ipc(to, to, l4_timeouts(send, receive), L4_SND_DESC_NONE);
}

static void client(void)
{
    l4_thread_id server = l4_lookup("server");
    l4_thread_id second = l4_lookup("second");
    l4_thread_id slow = l4_lookup("slow");
    l4_thread_id idle = l4_lookup("idle");
    l4_timeout patient = l4_timeout_us(PATIENT_US);
    char what[96];
    char text[32];
    l4_word replies[ZERO_REPLY_CALLS];

    settle();
    for (l4_word i = 1; i <= ZERO_REPLY_CALLS; i++) {
        l4_snprintf(what, sizeof what,
                    "S4 call %u, answered by a zero-timeout send right after receipt", i);
        expect_ipc(what, call(server, LABEL_ZERO_REPLY, i, patient, patient),
                   succeeds(unmeasured()));
        replies[i - 1] = l4_mr(1);
    }
    l4_snprintf(text, sizeof text, "%u %u %u", replies[0], replies[1], replies[2]);
    expect_text("S4 replies to those calls", text, "101 102 103");
    call(server, LABEL_REPORT, 0, patient, patient);
    expect_value("S4 zero-timeout replies that failed at the server", l4_mr(1), 0);

    expect_ipc("S4 call answered by reply-and-wait",
               call(server, LABEL_REPLY_WAIT, 4, patient, patient), succeeds(unmeasured()));
    expect_ipc("S4 zero-timeout call right after the reply-and-wait",
               call(server, LABEL_REPLY_WAIT, 5, L4_TIMEOUT_ZERO, patient), succeeds(unmeasured()));
    send_signal(second, LABEL_START);
    l4_receive_timeout(second, patient);
    expect_ipc("S4 another client's zero-timeout call right after",
               untimed((l4_ipc_result){ server, l4_mr(1) }), succeeds(unmeasured()));

    settle();
    expect_ipc("S4 call whose zero-timeout send phase fails",
               call(idle, LABEL_ZERO_REPLY, 7, L4_TIMEOUT_ZERO, patient),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, at_once()));
    expect_ipc("S4 call whose 300 us send timeout expires",
               call(idle, LABEL_ZERO_REPLY, 8, l4_timeout_us(FAILING_SEND_TIMEOUT_US), patient),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, expiring_after(FAILING_SEND_TIMEOUT_US)));

    send_signal(slow, LABEL_START);
    expect_ipc("S4 300 us receive timeout, callee receives after 400 us and replies 200 us later",
               call(slow, LABEL_ZERO_REPLY, 9, patient, l4_timeout_us(SLOW_RECEIVE_TIMEOUT_US)),
               succeeds(unmeasured()));
    send_signal(slow, LABEL_START);
    expect_ipc("S4 300 us receive timeout, callee receives after 400 us and replies 500 us later",
               call(slow, LABEL_ZERO_REPLY, 10, patient, l4_timeout_us(SLOW_RECEIVE_TIMEOUT_US)),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE,
                     about(SLOW_READY_US + SLOW_RECEIVE_TIMEOUT_US)));

    finish("S4");
}

static const struct role roles[] = {
    { "client", client },
    { "server", server },
    { "second", second },
    { "slow", slow },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
