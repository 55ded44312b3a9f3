/*
 * M2 Unblocking rule at final delivery: with a controlling monitor, notify it and leave the
 * blocked source blocked; otherwise unblock the blocked source if one is named (option 5/7),
 * else the true source.
 *
 * `proxy` is the system monitor of every IPC to `server`.
 * Part 1: `alias` sends first; proxy holds its message. The client then sends; proxy forwards
 * the client's message claiming alias as true source but naming the client as blocked source
 * (option 5). The server sees it from alias; the client, not alias, is released. Alias's own
 * message follows HOLD_US later, and only that releases alias.
 * Part 2: proxy forwards with itself as controlling monitor (option 6): at delivery it is
 * notified and the client stays blocked until proxy releases it RELEASE_AFTER_US later.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define ALIAS_SENDS_AT_US 50
#define CLIENT_SENDS_AT_US 100
#define HOLD_US 500
#define RELEASE_AFTER_US 1500
#define PART2_AT_US 1000 /* proxy is done with part 1 */
#define LABEL_FROM_ALIAS 0xA1
#define LABEL_AS_ALIAS 0xC1
#define LABEL_HELD 0xC2

static struct intercepted held_from_alias;

static struct forwarding deceit_as_alias_blocking_client(const struct intercepted *message)
{
    return (struct forwarding){ .option = L4_OPTION_DECEIT_BLOCKED_SOURCE,
                                .true_source = l4_lookup("alias"),
                                .blocked_source = message->blocked_source };
}

static void proxy_redirected(const struct intercepted *message)
{
    switch (message_label(message)) {
    case LABEL_FROM_ALIAS:
        held_from_alias = *message;
        break;
    case LABEL_AS_ALIAS:
        print_result("M2 proxy", "forwarding the client's message as alias's, option 5",
                     forward(message, message->intended_receiver,
                             deceit_as_alias_blocking_client(message)));
        l4_sleep(HOLD_US);
        print_result("M2 proxy", "forwarding alias's own message",
                     forward(&held_from_alias, held_from_alias.intended_receiver, deceit()));
        break;
    case LABEL_HELD:
        print_result("M2 proxy", "forwarding as controlling monitor, option 6",
                     forward(message, message->intended_receiver, deceit_controlled_by_me()));
        break;
    }
}

static void proxy_notified(const struct intercepted *message)
{
    print_notification("M2 proxy", message);
    l4_sleep(RELEASE_AFTER_US);
    print_result("M2 proxy", "releasing the client", unblock(notification_of(message).blocked_source));
}

static void proxy(void)
{
    run_monitor(proxy_redirected, proxy_notified);
}

static void alias(void)
{
    sleep_until(ALIAS_SENDS_AT_US);
    l4_load_message(LABEL_FROM_ALIAS, 0, 0);
    expect_ipc("M2 alias: its own send", untimed(l4_send(l4_lookup("server"))),
               succeeds(unmeasured()));
    expect_yes("M2 alias: it stayed blocked until its own message was delivered",
               now_us() >= CLIENT_SENDS_AT_US + HOLD_US);
}

static void client(void)
{
    l4_thread_id server = l4_lookup("server");
    sleep_until(CLIENT_SENDS_AT_US);
    l4_load_message(LABEL_AS_ALIAS, 0, 0);
    struct timed_result sent = timed_ipc(server, L4_NILTHREAD, 0, L4_SND_DESC_NONE);
    expect_ipc("M2 client: send forwarded as alias's with the client as blocked source", sent,
               succeeds(unmeasured()));
    expect_yes("M2 client: released before alias's own message was forwarded",
               sent.elapsed_us < HOLD_US);

    sleep_until(PART2_AT_US);
    l4_load_message(LABEL_HELD, 0, 0);
    sent = timed_ipc(server, L4_NILTHREAD, 0, L4_SND_DESC_NONE);
    expect_ipc("M2 client: send held by the controlling monitor", sent, succeeds(unmeasured()));
    expect_yes("M2 client: held until the controlling monitor released it 1500 us after delivery",
               sent.elapsed_us >= RELEASE_AFTER_US);
    settle();
    finish("M2");
}

static const struct role roles[] = {
    { "client", client },
    { "alias", alias },
    { "proxy", proxy },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
