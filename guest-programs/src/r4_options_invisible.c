/*
 * R4 Transparency of options: whatever option a monitor forwards with (4, 5, 6, 7) and whether
 * the source asked for an unreliable send (option 0), the destination receives the message as
 * it would the source's direct send: from = client, the same words, dope 0 (no R, D or option
 * bits). The source's send completes with from = nilthread and dope 0.
 *
 * Path client -> server: `opt` (system; forwards each label with its own option, and releases
 * the client itself for options 6 and 7), then `dlog` (a logging monitor, destination class),
 * which shows that the monitors do see the options.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"

struct variant {
    l4_word label;
    enum l4_option forwarded_with;
    int unreliable_source;
    const char *what;
};

static const struct variant variants[] = {
    { 0x40, L4_OPTION_DECEIT, 0, "option 4" },
    { 0x41, L4_OPTION_DECEIT_BLOCKED_SOURCE, 0, "option 5" },
    { 0x42, L4_OPTION_DECEIT_CONTROLLING_MONITOR, 0, "option 6" },
    { 0x43, L4_OPTION_DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR, 0, "option 7" },
    { 0x44, L4_OPTION_DECEIT, 1, "option 4, the source sending unreliably" },
};

#define VARIANT_COUNT (sizeof variants / sizeof variants[0])

static const struct variant *variant_of(l4_word label)
{
    for (l4_word i = 0; i < VARIANT_COUNT; i++)
        if (variants[i].label == label)
            return &variants[i];
    return &variants[0];
}

static void opt_redirected(const struct intercepted *message)
{
    struct forwarding how = {
        .option = variant_of(message_label(message))->forwarded_with,
        .blocked_source = message->blocked_source,
        .controlling_monitor = l4_myself(),
    };
    forward_or_fail_source(message, message->intended_receiver, how);
}

static void opt_notified(const struct intercepted *message)
{
    unblock(notification_of(message).blocked_source);
}

static void opt(void)
{
    run_monitor(opt_redirected, opt_notified);
}

static void client(void)
{
    static const l4_word words[] = { 7, 8, 9 };
    l4_thread_id server = l4_lookup("server");
    char what[96];
    char seen[64];
    char from[L4_NAME_SIZE];
    char dope[DOPE_TEXT_SIZE];

    settle();
    for (l4_word i = 0; i < VARIANT_COUNT; i++) {
        const struct variant *variant = &variants[i];
        l4_load_message(variant->label, sizeof words / sizeof words[0], words);
        l4_word descriptor = variant->unreliable_source
                                 ? l4_snd_desc_option(L4_OPTION_UNRELIABLE, 0)
                                 : L4_SND_DESC_NONE;
        l4_ipc_result sent = l4_ipc(server, L4_NILTHREAD, 0, descriptor);
        l4_snprintf(what, sizeof what, "R4 client: send forwarded with %s", variant->what);
        expect_ipc(what, untimed(sent), succeeds(unmeasured()));
        l4_snprintf(what, sizeof what, "R4 client: send forwarded with %s returned", variant->what);
        l4_snprintf(seen, sizeof seen, "from %s, dope %s", thread_text(sent.from, from),
                    dope_text(sent.dope, dope));
        expect_text(what, seen, "from nilthread, dope 0x0");
        settle(); /* the server has printed */
    }
    finish("R4");
}

static const struct role roles[] = {
    { "client", client },
    { "opt", opt },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
