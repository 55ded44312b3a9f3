/*
 * R2 What a monitor sees: an IPC from S to D with a non-empty path is delivered to the first
 * monitor instead of D, with R set, from = S, IntendedReceiver = D, and the IPC's blocked
 * source, controlling monitor and remaining delay timeout in UTCB words 105-107.
 *
 * Message 1: the client sends with a parameter block giving a 5000 us delay timeout (no
 * option). `first` sees it straight from the client, then forwards with option 7 (blocked
 * source client, itself as controlling monitor, its own delay timeout 3000 us); `second` sees
 * those words, and the kernel notifies `first` at delivery, which then releases the client.
 * Message 2: no parameter block; `first` forwards with option 4, so `second` sees no
 * controlling monitor and no delay timeout.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"

#define SOURCE_DELAY_US 5000
#define FIRST_DELAY_US 3000
#define LABEL_WITH_BLOCK 0x21
#define LABEL_WITHOUT_BLOCK 0x22

static void report_view(const struct intercepted *message)
{
    char text[L4_NAME_SIZE];
    char dope[DOPE_TEXT_SIZE];
    const char *who = my_name();
    l4_word label = message_label(message);
    l4_printf("R2 %s, label 0x%x: from %s, dope %s\n", who, label,
              thread_text(message->received.from, text), dope_text(message->received.dope, dope));
    l4_printf("R2 %s, label 0x%x: intended receiver %s\n", who, label,
              thread_text(message->intended_receiver, text));
    l4_printf("R2 %s, label 0x%x: blocked source %s\n", who, label,
              thread_text(message->blocked_source, text));
    l4_printf("R2 %s, label 0x%x: controlling monitor %s\n", who, label,
              thread_text(message->controlling_monitor, text));
    l4_printf("R2 %s, label 0x%x: delay timeout remaining %u us\n", who, label,
              message->delay_remaining_us);
}

static void first_redirected(const struct intercepted *message)
{
    report_view(message);
    if (message_label(message) != LABEL_WITH_BLOCK) {
        pass_through(message);
        return;
    }
    struct forwarding how = {
        .option = L4_OPTION_DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR,
        .blocked_source = message->blocked_source,
        .controlling_monitor = l4_myself(),
        .delay_timeout_us = FIRST_DELAY_US,
    };
    forward_or_fail_source(message, message->intended_receiver, how);
}

static void first_notified(const struct intercepted *message)
{
    print_notification("R2 first", message);
    print_result("R2 first", "releasing the client", unblock(notification_of(message).blocked_source));
}

static void first(void)
{
    run_monitor(first_redirected, first_notified);
}

static void second_redirected(const struct intercepted *message)
{
    report_view(message);
    pass_through(message);
}

static void second(void)
{
    run_monitor(second_redirected, 0);
}

static void client(void)
{
    l4_thread_id server = l4_lookup("server");
    struct l4_ipc_params params = { .delay_timeout_us = SOURCE_DELAY_US };

    settle();
    l4_load_message(LABEL_WITH_BLOCK, 0, 0);
    expect_ipc("R2 send with a 5000 us delay timeout",
               untimed(l4_ipc(server, L4_NILTHREAD, 0, l4_snd_desc(&params))),
               succeeds(unmeasured()));
    l4_load_message(LABEL_WITHOUT_BLOCK, 0, 0);
    expect_ipc("R2 send without a parameter block", untimed(l4_send(server)),
               succeeds(unmeasured()));
    settle();
    finish("R2");
}

static const struct role roles[] = {
    { "client", client },
    { "first", first },
    { "second", second },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
