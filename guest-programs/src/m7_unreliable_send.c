/*
 * M7 Unreliable send (option 0): the source is unblocked as soon as the first hop receives
 * the message, not at final delivery. The monitor sees option 0 in its dope, and no blocked
 * source in its BlockedSource word (R2: the source was released as it received); the
 * destination sees none (docs/spec-decisions.md), exactly as with no monitor.
 *
 * client -> server passes `slow` (system), which forwards HOLD_US after receipt. The client
 * sends once unreliably and once reliably; then unreliably to `plain`, which no monitor
 * watches. The receivers are sinks, so their lines show what arrived when.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"

#define HOLD_US 1000
#define LABEL_UNRELIABLE 0x70
#define LABEL_RELIABLE 0x71
#define LABEL_UNMONITORED 0x72

static const char *blocked_source_name(l4_thread_id id)
{
    return id == L4_NILTHREAD ? "nilthread" : id == l4_lookup("client") ? "client" : "another thread";
}

static void slow_redirected(const struct intercepted *message)
{
    print_intercepted("M7 slow", message);
    l4_printf("M7 slow: label 0x%x, BlockedSource word %s\n", l4_msg_tag_label(message->words[0]),
              blocked_source_name(message->blocked_source));
    l4_sleep(HOLD_US);
    pass_through(message);
}

static void slow(void)
{
    run_monitor(slow_redirected, 0);
}

static struct timed_result send_to(const char *name, l4_word label, l4_word descriptor)
{
    l4_load_message(label, 0, 0);
    return timed_ipc(l4_lookup(name), L4_NILTHREAD, 0, descriptor);
}

static void client(void)
{
    l4_word unreliable = l4_snd_desc_option(L4_OPTION_UNRELIABLE, 0);
    settle();
    struct timed_result sent = send_to("server", LABEL_UNRELIABLE, unreliable);
    expect_ipc("M7 client: unreliable send through a monitor that holds it 1000 us", sent,
               succeeds(unmeasured()));
    expect_yes("M7 client: released when the monitor received, long before delivery",
               sent.elapsed_us < HOLD_US / 10);
    l4_sleep(2 * HOLD_US); /* the server has the message */

    sent = send_to("server", LABEL_RELIABLE, L4_SND_DESC_NONE);
    expect_ipc("M7 client: reliable send through the same monitor", sent, succeeds(unmeasured()));
    expect_yes("M7 client: released only at delivery", sent.elapsed_us >= HOLD_US);

    expect_ipc("M7 client: unreliable send to an unmonitored receiver",
               send_to("plain", LABEL_UNMONITORED, unreliable), succeeds(unmeasured()));
    settle();
    finish("M7");
}

static const struct role roles[] = {
    { "client", client },
    { "slow", slow },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
