/*
 * M6 Controlled synchrony: a monitor that forwards with option 6 or 7 becomes the controlling
 * monitor (the last one wins). At final delivery the kernel notifies it (from nilthread, dope
 * 0x5, MR0 label 0 with flag bit 15 and u = 4, MR1..MR4 blocked source, true source, final
 * receiver, error), queued until its next open wait, and the blocked source stays blocked until
 * the monitor sends option 3 (the send completes with dope 0) or option 1 (error 8), or passes
 * the notification on to an earlier controlling monitor with option 2 (received from that
 * monitor, dope 0x5). A held caller's receive phase starts only at its release, so the callee's
 * zero-timeout reply before that fails: the one exception to S4.
 *
 * client -> server passes `ctl`, which forwards with option 6, stays busy BUSY_AFTER_FORWARD_US
 * (so the notification is queued), then releases the client RELEASE_AFTER_US after the
 * notification, or ends its IPC with option 1 for LABEL_FAIL.
 * client -> server2 passes `outer`, then `inner`, each forwarding with option 6: only inner is
 * notified; it passes the notification on to outer, which releases the client.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"

#define BUSY_AFTER_FORWARD_US 300
#define RELEASE_AFTER_US 1000
#define SERVER_REPLY_TIMEOUT_US 5000
#define FAIL_CODE 0x66
#define LABEL_CALL 0x61
#define LABEL_SEND 0x62
#define LABEL_FAIL 0x63
#define LABEL_CHAIN 0x64

static l4_word ctl_label; /* of the IPC ctl holds */

static void ctl_redirected(const struct intercepted *message)
{
    ctl_label = message_label(message);
    print_result("M6 ctl", "forward as controlling monitor",
                 forward(message, message->intended_receiver, deceit_controlled_by_me()));
    l4_sleep(BUSY_AFTER_FORWARD_US);
}

static void ctl_notified(const struct intercepted *message)
{
    print_notification("M6 ctl", message);
    l4_thread_id blocked = notification_of(message).blocked_source;
    if (ctl_label == LABEL_FAIL) {
        print_result("M6 ctl", "ending the client's IPC with option 1, code 0x66",
                     fail_blocked_source(blocked, FAIL_CODE));
        return;
    }
    l4_sleep(RELEASE_AFTER_US);
    print_result("M6 ctl", "releasing the client with option 3", unblock(blocked));
}

static void ctl(void)
{
    run_monitor(ctl_redirected, ctl_notified);
}

static l4_thread_id inner_displaced; /* the controlling monitor before inner */

static void inner_redirected(const struct intercepted *message)
{
    inner_displaced = message->controlling_monitor;
    forward_or_fail_source(message, message->intended_receiver, deceit_controlled_by_me());
}

static void inner_notified(const struct intercepted *message)
{
    print_notification("M6 inner", message);
    print_result("M6 inner", "passing the notification on to outer with option 2",
                 pass_notification(inner_displaced, notification_of(message)));
}

static void inner(void)
{
    run_monitor(inner_redirected, inner_notified);
}

static void outer_redirected(const struct intercepted *message)
{
    forward_or_fail_source(message, message->intended_receiver, deceit_controlled_by_me());
}

static void outer_notified(const struct intercepted *message)
{
    print_notification("M6 outer", message);
    print_result("M6 outer", "releasing the client with option 3",
                 unblock(notification_of(message).blocked_source));
}

static void outer(void)
{
    run_monitor(outer_redirected, outer_notified);
}

/* Answers calls at once with a zero-timeout reply, which must fail while the caller is held,
   then with a patient one. */
static void server(void)
{
    for (;;) {
        l4_ipc_result request = l4_wait();
        print_message("M6 server", request);
        if (l4_msg_tag_label(l4_msg_tag_current()) != LABEL_CALL)
            continue;
        l4_word answer = l4_mr(1) + 100;
        l4_load_message(0, 1, &answer);
        print_result("M6 server", "zero-timeout reply right after receipt",
                     l4_reply(request.from));
        l4_load_message(0, 1, &answer);
        print_result("M6 server", "reply with a 5000 us send timeout",
                     l4_send_timeout(request.from, l4_timeout_us(SERVER_REPLY_TIMEOUT_US)));
    }
}

static void expect_plain_return(const char *what, l4_ipc_result result)
{
    char seen[64];
    char from[L4_NAME_SIZE];
    char dope[DOPE_TEXT_SIZE];
    l4_snprintf(seen, sizeof seen, "from %s, dope %s", thread_text(result.from, from),
                dope_text(result.dope, dope));
    expect_text(what, seen, "from nilthread, dope 0x0");
}

static void client(void)
{
    l4_thread_id server = l4_lookup("server");
    l4_word value = 7;

    settle();
    l4_load_message(LABEL_CALL, 1, &value);
    struct timed_result call = timed_ipc(server, server, 0, L4_SND_DESC_NONE);
    expect_ipc("M6 client: call held by the controlling monitor", call, succeeds(unmeasured()));
    expect_value("M6 client: reply MR1", l4_mr(1), 107);
    expect_yes("M6 client: held until ctl released it, at least 1300 us",
               call.elapsed_us >= BUSY_AFTER_FORWARD_US + RELEASE_AFTER_US);

    l4_load_message(LABEL_SEND, 0, 0);
    l4_ipc_result sent = l4_send(server);
    expect_ipc("M6 client: send released with option 3", untimed(sent), succeeds(unmeasured()));
    expect_plain_return("M6 client: send released with option 3 returned", sent);

    l4_load_message(LABEL_FAIL, 0, 0);
    sent = l4_send(server);
    l4_word error_code = l4_error_code();
    expect_ipc("M6 client: send ended with option 1", untimed(sent),
               fails(L4_ERROR_MONITOR, L4_PHASE_SEND, unmeasured()));
    expect_value("M6 client: send ended with option 1, ErrorCode", error_code, FAIL_CODE);

    settle();
    l4_load_message(LABEL_CHAIN, 0, 0);
    sent = l4_send(l4_lookup("server2"));
    expect_ipc("M6 client: send through two controlling monitors", untimed(sent),
               succeeds(unmeasured()));
    settle();
    finish("M6");
}

static const struct role roles[] = {
    { "client", client }, { "ctl", ctl },       { "server", server },
    { "inner", inner },   { "outer", outer },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
