/*
 * M8 Untrusted monitors: source-class monitors act for the source and receive at once, with no
 * timeout; destination-class monitors act for the destination, and delivery to the first of
 * them counts as final delivery, where M2, M5 and M6 apply.
 *
 * a  client -> server3 passes `srcmon` (source), which starts receiving only at
 *    SRCMON_START_US: the client's zero-timeout send still reaches it and succeeds.
 * b  client -> server passes `dguard` (destination), which forwards HOLD_US after receipt: the
 *    client is released when dguard receives, and its 500 us delay timeout is met there.
 * c  client -> server2 passes `sysctl` (system, controlling monitor), then dguard: sysctl is
 *    notified when dguard receives, naming dguard as the final receiver.
 * d  client -> absent passes sysctl, then dguard; `absent` never receives. The send timeout is
 *    checked against dguard, the final receiver, so a zero-timeout send succeeds.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define CLIENT_START_US 100
#define SRCMON_START_US 1000
#define HOLD_US 1000
#define DELAY_TIMEOUT_US 500
#define LABEL_A 0x8A
#define LABEL_B 0x8B
#define LABEL_C 0x8C
#define LABEL_D 0x8D

static void srcmon(void)
{
    sleep_until(SRCMON_START_US);
    run_monitor(forward_unchanged, 0);
}

static void dguard_redirected(const struct intercepted *message)
{
    print_intercepted("M8 dguard", message);
    l4_sleep(HOLD_US);
    print_result("M8 dguard", "forward to the destination", pass_through(message));
}

static void dguard(void)
{
    run_monitor(dguard_redirected, 0);
}

static void sysctl_redirected(const struct intercepted *message)
{
    forward_or_fail_source(message, message->intended_receiver, deceit_controlled_by_me());
}

static void sysctl_notified(const struct intercepted *message)
{
    print_notification("M8 sysctl", message);
    print_result("M8 sysctl", "releasing the client", unblock(notification_of(message).blocked_source));
}

static void sysctl(void)
{
    run_monitor(sysctl_redirected, sysctl_notified);
}

static struct timed_result send_to(const char *name, l4_word label, l4_timeout send,
                                   l4_word descriptor)
{
    l4_load_message(label, 0, 0);
    return timed_ipc(l4_lookup(name), L4_NILTHREAD, l4_timeouts(send, L4_TIMEOUT_NEVER),
                     descriptor);
}

static void client(void)
{
    struct l4_ipc_params delay = { .delay_timeout_us = DELAY_TIMEOUT_US };

    sleep_until(CLIENT_START_US);
    struct timed_result sent = send_to("server3", LABEL_A, L4_TIMEOUT_ZERO, L4_SND_DESC_NONE);
    expect_ipc("M8 a: zero send timeout, source monitor not yet waiting", sent,
               succeeds(unmeasured()));
    expect_yes("M8 a: the send waited for the source monitor",
               sent.elapsed_us >= SRCMON_START_US - CLIENT_START_US);

    sent = send_to("server", LABEL_B, L4_TIMEOUT_NEVER, l4_snd_desc(&delay));
    expect_ipc("M8 b: send with a 500 us delay timeout to a destination monitor that holds it "
               "1000 us", sent, succeeds(unmeasured()));
    expect_yes("M8 b: released when the destination monitor received", sent.elapsed_us < HOLD_US);
    l4_sleep(2 * HOLD_US);

    sent = send_to("server2", LABEL_C, L4_TIMEOUT_NEVER, L4_SND_DESC_NONE);
    expect_ipc("M8 c: send through a controlling system monitor and the destination monitor",
               sent, succeeds(unmeasured()));
    expect_yes("M8 c: released when the destination monitor received", sent.elapsed_us < HOLD_US);
    l4_sleep(2 * HOLD_US);

    sent = send_to("absent", LABEL_D, L4_TIMEOUT_ZERO, L4_SND_DESC_NONE);
    expect_ipc("M8 d: zero send timeout to a destination that never receives, through a system "
               "monitor and a waiting destination monitor", sent, succeeds(unmeasured()));
    settle();
    finish("M8");
}

static void absent(void)
{
    l4_sleep_forever();
}

static const struct role roles[] = {
    { "client", client }, { "srcmon", srcmon }, { "dguard", dguard },
    { "sysctl", sysctl }, { "absent", absent },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
