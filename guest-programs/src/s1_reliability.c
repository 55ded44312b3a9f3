/*
 * S1 Reliability: a send completes only when the destination has received the message or an
 * error occurs; the sender stays blocked until then.
 *
 * Round 1: the receiver sleeps 1000 us, notes the time, then receives. The sender's send (no
 * timeout) must return no earlier than that time, with the message intact.
 * Round 2: the sender sends with a 300 us timeout while the receiver sleeps 1000 us. The send
 * must fail with a timeout, and the receiver, once awake, must find no message.
 * Round 3: the sender tells both to start, then sends without a timeout; `sender.canceller`, a
 * thread of its task, cancels the send after 300 us with exchange_registers. The send fails with
 * error 3, and the receiver, awake after 1000 us, must find no message.
 * The receiver reports what it saw in messages; only the sender prints.
 */
#include <l4.h>
#include "common/scenario.h"

#define RECEIVER_DELAY_US 1000
#define SHORT_SEND_TIMEOUT_US 300
#define CANCEL_AFTER_US 300
#define LABEL_GO 0x53
#define LABEL_PAYLOAD 0x51
#define LABEL_REPORT 0x52
#define PAYLOAD_WORDS 3

static const l4_word payload[PAYLOAD_WORDS] = { 11, 22, 33 };

/* Round 1 report, MR1..: ready time (low, high), receive dope, label, u, the words received. */
enum { REPORT_READY_LOW, REPORT_READY_HIGH, REPORT_DOPE, REPORT_LABEL, REPORT_UNTYPED,
       REPORT_WORDS, REPORT_LENGTH = REPORT_WORDS + PAYLOAD_WORDS };

static void receiver(void)
{
    l4_thread_id sender = l4_lookup("sender");

    l4_sleep(RECEIVER_DELAY_US);
    l4_u64 ready_at = l4_system_clock();
    l4_ipc_result received = l4_receive(sender);
    l4_msg_tag tag = l4_msg_tag_current();
    l4_word report[REPORT_LENGTH] = {
        [REPORT_READY_LOW] = (l4_word)ready_at,
        [REPORT_READY_HIGH] = (l4_word)(ready_at >> 32),
        [REPORT_DOPE] = received.dope,
        [REPORT_LABEL] = l4_msg_tag_label(tag),
        [REPORT_UNTYPED] = l4_msg_tag_untyped(tag),
    };
    for (l4_word i = 0; i < PAYLOAD_WORDS; i++)
        report[REPORT_WORDS + i] = l4_mr(1 + i);
    l4_load_message(LABEL_REPORT, REPORT_LENGTH, report);
    l4_send(sender);

    for (int round = 2; round <= 3; round++) {
        if (round == 3)
            l4_receive(sender); /* round 3 starts */
        l4_sleep(RECEIVER_DELAY_US);
        l4_ipc_result late = l4_receive_timeout(sender, L4_TIMEOUT_ZERO);
        l4_load_message(LABEL_REPORT, 1, &late.dope);
        l4_send(sender);
    }
}

static void canceller(void)
{
    l4_thread_id sender = l4_lookup("sender");
    l4_receive(sender); /* the sender is about to send */
    l4_sleep(CANCEL_AFTER_US);
    l4_exchange_registers(sender, L4_EXREGS_HALT | L4_EXREGS_RESUME, 0, 0);
    l4_thread_switch(sender); /* the sender reads the clock at once */
}

static l4_word report_word(l4_word index)
{
    return l4_mr(1 + index);
}

static void sender(void)
{
    l4_thread_id receiver = l4_lookup("receiver");
    char text[64];

    /* Round 1 */
    l4_load_message(LABEL_PAYLOAD, PAYLOAD_WORDS, payload);
    l4_u64 started = l4_system_clock();
    l4_ipc_result sent = l4_send(receiver);
    l4_u64 returned = l4_system_clock();
    l4_receive(receiver);
    l4_u64 ready_at = (l4_u64)report_word(REPORT_READY_HIGH) << 32 | report_word(REPORT_READY_LOW);
    l4_snprintf(text, sizeof text, "%s, label 0x%x, %u words: %u %u %u",
                l4_dope_error(report_word(REPORT_DOPE)) == L4_ERROR_NONE ? "ok" : "failed",
                report_word(REPORT_LABEL), report_word(REPORT_UNTYPED),
                report_word(REPORT_WORDS), report_word(REPORT_WORDS + 1),
                report_word(REPORT_WORDS + 2));

    expect_ipc("S1 send to a receiver that sleeps 1000 us before receiving", untimed(sent),
               succeeds(unmeasured()));
    expect_text("S1 the receiver got", text, "ok, label 0x51, 3 words: 11 22 33");
    expect_yes("S1 the send returned after the receiver started receiving", returned >= ready_at);
    expect_yes("S1 the sender stayed blocked while the receiver slept",
               returned - started >= RECEIVER_DELAY_US);

    /* Round 2 */
    settle();
    l4_load_message(LABEL_PAYLOAD, PAYLOAD_WORDS, payload);
    struct timed_result short_send = timed_ipc(
        receiver, L4_NILTHREAD,
        l4_timeouts(l4_timeout_us(SHORT_SEND_TIMEOUT_US), L4_TIMEOUT_NEVER), L4_SND_DESC_NONE);
    l4_receive(receiver);
    l4_ipc_result late_receive = { receiver, report_word(0) };

    expect_ipc("S1 send with a 300 us timeout to a receiver asleep for 1000 us", short_send,
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, expiring_after(SHORT_SEND_TIMEOUT_US)));
    expect_ipc("S1 the receiver's zero-timeout receive after it woke up", untimed(late_receive),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, unmeasured()));

    /* Round 3 */
    settle();
    send_signal(receiver, LABEL_GO);
    send_signal(l4_lookup("sender.canceller"), LABEL_GO);
    l4_load_message(LABEL_PAYLOAD, PAYLOAD_WORDS, payload);
    struct timed_result cancelled = timed_ipc(receiver, L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_NEVER, L4_TIMEOUT_NEVER),
                                              L4_SND_DESC_NONE);
    l4_receive(receiver);
    l4_ipc_result after_cancel = { receiver, report_word(0) };

    expect_ipc("S1 send without a timeout, cancelled by the sender's own task after 300 us", cancelled,
               fails(L4_ERROR_CANCELLED, L4_PHASE_SEND, about(CANCEL_AFTER_US)));
    expect_ipc("S1 the receiver's zero-timeout receive after the cancelled send", untimed(after_cancel),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, unmeasured()));

    finish("S1");
}

static const struct role roles[] = {
    { "sender", sender },
    { "receiver", receiver },
    { "sender.canceller", canceller },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}

/* The entry of the sender task's second thread. */
L4_THREAD_ENTRY void second_thread(void)
{
    PLAY_MY_ROLE(roles);
}
