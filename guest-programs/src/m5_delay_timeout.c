/*
 * M5 Delay timeout: it bounds the time from passing the send-timeout check to final delivery
 * and is checked at delivery. The effective value is the smallest of the source's and each
 * forwarding monitor's (parameter block +12, with or without an option). On expiry the
 * destination receives nothing and the blocked source gets error 5, or, with a controlling
 * monitor, that monitor is notified with MR4 = 5 and decides.
 *
 * Path client -> server: `tight` (forwards at once, with the case's delay timeout and option),
 * then `slow` (forwards SLOW_US later), so delivery comes about 1000 us after the check. The
 * server is a sink: its lines show what arrived.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"

#define SLOW_US 1000
#define CONTROLLER_CODE 0x55

struct delay_case {
    l4_word label;
    l4_word source_delay_us;  /* 0 = no parameter block */
    l4_word monitor_delay_us; /* tight's, 0 = none */
    int monitor_controls;     /* tight forwards with option 6 */
    const char *what;
    enum l4_error error;
    l4_word error_code;
    l4_word slow_delay_us; /* slow's own delay timeout when it forwards, 0 = none */
};

static const struct delay_case cases[] = {
    { 0x51, 500, 5000, 0, "source's 500 us, tight's 5000 us", L4_ERROR_DELAY_TIMEOUT,
      L4_ERROR_DELAY_TIMEOUT, 0 },
    { 0x52, 2000, 5000, 0, "source's 2000 us, tight's 5000 us", L4_ERROR_NONE, 0, 0 },
    { 0x53, 5000, 300, 0, "source's 5000 us, tight's 300 us", L4_ERROR_DELAY_TIMEOUT,
      L4_ERROR_DELAY_TIMEOUT, 0 },
    { 0x54, 0, 300, 0, "no source delay timeout, tight's 300 us", L4_ERROR_DELAY_TIMEOUT,
      L4_ERROR_DELAY_TIMEOUT, 0 },
    { 0x55, 5000, 300, 1, "source's 5000 us, tight's 300 us, tight controlling",
      L4_ERROR_MONITOR, CONTROLLER_CODE, 0 },
    /* slow gives 500 us only after holding the message for 1000 us: the 500 us count from the
       check, not from slow's forward, so they have run out. */
    { 0x56, 0, 0, 0, "slow's 500 us, given after it held the message 1000 us", L4_ERROR_DELAY_TIMEOUT,
      L4_ERROR_DELAY_TIMEOUT, 500 },
};

#define CASE_COUNT (sizeof cases / sizeof cases[0])

static const struct delay_case *case_of(l4_word label)
{
    for (l4_word i = 0; i < CASE_COUNT; i++)
        if (cases[i].label == label)
            return &cases[i];
    return &cases[0];
}

static void tight_redirected(const struct intercepted *message)
{
    const struct delay_case *c = case_of(message_label(message));
    struct forwarding how = c->monitor_controls ? deceit_controlled_by_me() : deceit();
    how.delay_timeout_us = c->monitor_delay_us;
    forward_or_fail_source(message, message->intended_receiver, how);
}

static void tight_notified(const struct intercepted *message)
{
    print_notification("M5 tight", message);
    print_result("M5 tight", "ending the client's IPC with code 0x55",
                 fail_blocked_source(notification_of(message).blocked_source, CONTROLLER_CODE));
}

static void tight(void)
{
    run_monitor(tight_redirected, tight_notified);
}

static void slow_redirected(const struct intercepted *message)
{
    char what[40];
    struct forwarding how = deceit();
    how.delay_timeout_us = case_of(message_label(message))->slow_delay_us;
    l4_sleep(SLOW_US);
    l4_snprintf(what, sizeof what, "forward of label 0x%x", message_label(message));
    print_result("M5 slow", what, forward(message, message->intended_receiver, how));
}

static void slow(void)
{
    run_monitor(slow_redirected, 0);
}

static void client(void)
{
    l4_thread_id server = l4_lookup("server");
    char what[96];
    settle();
    for (l4_word i = 0; i < CASE_COUNT; i++) {
        const struct delay_case *c = &cases[i];
        struct l4_ipc_params params = { .delay_timeout_us = c->source_delay_us };
        l4_load_message(c->label, 0, 0);
        l4_ipc_result sent = l4_ipc(server, L4_NILTHREAD, 0,
                                    c->source_delay_us ? l4_snd_desc(&params) : L4_SND_DESC_NONE);
        l4_word error_code = l4_error_code();
        l4_snprintf(what, sizeof what, "M5 %s", c->what);
        expect_ipc(what, untimed(sent),
                   c->error ? fails(c->error, L4_PHASE_SEND, unmeasured()) : succeeds(unmeasured()));
        if (c->error) {
            l4_snprintf(what, sizeof what, "M5 %s, ErrorCode", c->what);
            expect_value(what, error_code, c->error_code);
        }
        settle();
    }
    finish("M5");
}

static const struct role roles[] = {
    { "client", client },
    { "tight", tight },
    { "slow", slow },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
