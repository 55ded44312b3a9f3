/*
 * Spoofing (MINIX 3 IPC threat class "spoofing"; docs/semantics.md R3, R4, M9, P1): a thread that
 * is no monitor, or a monitor off the path, tries to send as someone else, to end or release a
 * source it does not hold, to forge a controller notification, or to set the kernel's flag in
 * its message tag. Every attempt fails with error 6 before anything waits, or arrives unforged.
 *
 * `impostor` tries everything against `victim`, whose call to `server` is held by `gate` (its
 * system monitor); `rogue` is the system monitor of other -> server only.
 * `server` reports what it received in its reply: the tag, the sender and the dope.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define LABEL_FORGED 0x50
#define LABEL_HELD 0x51
#define LABEL_ROGUE_GO 0x52
#define KERNEL_FLAG_BIT (1u << 15)
#define IMPOSTOR_TRIES_AT_US 1000

static struct l4_ipc_params params;

/* Answers every message with MR1 = the tag it saw, MR2 = the sender, MR3 = the dope. */
static void server(void)
{
    l4_ipc_result received = l4_wait();
    for (;;) {
        l4_word report[3] = { l4_msg_tag_current(), received.from, received.dope };
        l4_load_message(0, 3, report);
        received = l4_reply_wait(received.from);
    }
}

/* Holds the victim's call for good: the victim stays its blocked source. */
static void gate(void)
{
    struct intercepted held;
    for (;;)
        monitor_wait(&held);
}

static void victim(void)
{
    l4_load_message(LABEL_HELD, 0, 0);
    l4_call(l4_lookup("server"));
    l4_sleep_forever();
}

/* A system monitor, but not of the victim's path: it tries to speak for the victim. */
static void rogue(void)
{
    l4_thread_id victim = l4_lookup("victim");
    l4_receive(l4_lookup("impostor"));
    params = (struct l4_ipc_params){ victim, victim, l4_myself(), 0 };
    l4_ipc_result results[3];
    l4_load_message(LABEL_FORGED, 0, 0);
    results[0] = l4_ipc(l4_lookup("server"), L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, 0),
                        l4_snd_desc_option(L4_OPTION_DECEIT, &params));
    results[1] = l4_ipc(victim, L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, 0), l4_snd_desc_option(L4_OPTION_UNBLOCKING, 0));
    results[2] = l4_ipc(victim, L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, 0), l4_snd_desc_option(L4_OPTION_ERROR, 0));
    l4_word words[3] = { results[0].dope, results[1].dope, results[2].dope };
    l4_load_message(0, 3, words);
    l4_send(l4_lookup("impostor"));
    l4_sleep_forever();
}

static l4_ipc_result try_option(enum l4_option option, l4_thread_id to)
{
    l4_thread_id victim = l4_lookup("victim");
    params = (struct l4_ipc_params){ victim, victim, l4_myself(), 0 };
    l4_set_mr(0, l4_msg_tag_make(LABEL_FORGED, 1, 0));
    l4_set_mr(1, victim);
    return l4_ipc(to, L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, 0), l4_snd_desc_option(option, &params));
}

static void expect_refused(const char *what, l4_ipc_result result)
{
    expect_ipc(what, untimed(result), fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, unmeasured()));
}

static void impostor(void)
{
    l4_thread_id server = l4_lookup("server");
    l4_thread_id victim = l4_lookup("victim");
    sleep_until(IMPOSTOR_TRIES_AT_US); /* the victim's call is held by its gate by now */

    expect_refused("H4 deceit as the victim (option 4) by a thread that is no monitor", try_option(L4_OPTION_DECEIT, server));
    expect_refused("H4 deceit naming the victim as blocked source (option 5) by a thread that is no monitor",
                   try_option(L4_OPTION_DECEIT_BLOCKED_SOURCE, server));
    expect_refused("H4 deceit claiming control (option 6) by a thread that is no monitor",
                   try_option(L4_OPTION_DECEIT_CONTROLLING_MONITOR, server));
    expect_refused("H4 deceit with options 5 and 6 (option 7) by a thread that is no monitor",
                   try_option(L4_OPTION_DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR, server));
    expect_refused("H4 releasing the held victim (option 3) by a thread that is no monitor",
                   try_option(L4_OPTION_UNBLOCKING, victim));
    expect_refused("H4 failing the held victim (option 1) by a thread that is no monitor",
                   try_option(L4_OPTION_ERROR, victim));
    expect_refused("H4 a forged controller notification (option 2) to the victim's gate",
                   try_option(L4_OPTION_NOTIFICATION, l4_lookup("gate")));

    l4_load_message(LABEL_ROGUE_GO, 0, 0);
    l4_send(l4_lookup("rogue"));
    l4_receive(l4_lookup("rogue"));
    l4_word rogue[3] = { l4_mr(1), l4_mr(2), l4_mr(3) };
    char text[L4_DOPE_TEXT_SIZE];
    expect_text("H4 deceit as the victim by a system monitor of another path", l4_describe_dope(rogue[0], text),
                "error 6 (not permitted), phase send");
    expect_text("H4 releasing the victim (option 3) by a monitor off its path", l4_describe_dope(rogue[1], text),
                "error 6 (not permitted), phase send");
    expect_text("H4 failing the victim (option 1) by a monitor off its path", l4_describe_dope(rogue[2], text),
                "error 6 (not permitted), phase send");

    l4_set_mr(0, l4_msg_tag_make(LABEL_FORGED, 0, 0) | KERNEL_FLAG_BIT);
    expect_ipc("H4 a call whose tag carries the kernel's flag", untimed(l4_call(server)), succeeds(unmeasured()));
    char who[L4_NAME_SIZE];
    expect_value("H4 the server saw the tag without the flag, label", l4_msg_tag_label(l4_mr(1)), LABEL_FORGED);
    expect_value("H4 the server saw the tag's flags", l4_msg_tag_flags(l4_mr(1)), 0);
    expect_text("H4 the server saw the message from", thread_text(l4_mr(2), who), "impostor");
    expect_value("H4 the server saw the dope", l4_mr(3), 0);
    finish("H4");
}

static const struct role roles[] = {
    { "impostor", impostor }, { "victim", victim }, { "server", server },
    { "gate", gate },         { "rogue", rogue },   { "other", l4_sleep_forever },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
