/*
 * R1: a monitor never lies on the path of its own messages. A rule whose monitor is the sender
 * is skipped; the rule still applies to every other thread, the monitor's own task included.
 * The rules of r1_own_messages.xml also name monitors in their own source task (client.guard)
 * and destination task (server.front), which a system description may do as the redirect call
 * may (abi.md section 4.5).
 *
 * One send a slot, each to `server`, by a different thread; every monitor prints what it
 * intercepts and forwards it, so the lines of a round are its path:
 *   client        -> client.guard (source), mon (system), server.front (destination)
 *   client.guard  -> mon, server.front            (its own source-class rule skipped)
 *   mon           -> server.front                 (its own system-class rule skipped)
 *   mon.peer      -> mon, server.front            (mon's task is not mon)
 *   server.front  -> mon                          (its own destination-class rule skipped)
 * The server judges what it receives: every message from its sender, plain (R4).
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/monitor.h"
#include "common/observe.h"
#include "common/timeline.h"

#define FIRST_SLOT_US 1000
#define SLOT_US 1000

enum round { BY_CLIENT, BY_GUARD, BY_MON, BY_PEER, BY_FRONT, ROUNDS };

static const char *const sender_of[ROUNDS] = { "client", "client.guard", "mon", "mon.peer", "server.front" };

/* Which monitors each round's path holds. */
static const char *const path_of[ROUNDS][3] = {
    [BY_CLIENT] = { "client.guard", "mon", "server.front" },
    [BY_GUARD] = { "mon", "server.front" },
    [BY_MON] = { "server.front" },
    [BY_PEER] = { "mon", "server.front" },
    [BY_FRONT] = { "mon" },
};

static l4_u64 slot(enum round r)
{
    return FIRST_SLOT_US + (l4_u64)r * SLOT_US;
}

static int named(const char *name)
{
    return l4_lookup(name) == l4_myself();
}

static int on_path(enum round r)
{
    for (int i = 0; i < 3 && path_of[r][i]; i++)
        if (named(path_of[r][i]))
            return 1;
    return 0;
}

/* Each thread sends in its own round and monitors the rounds whose path holds it. */
static void play(void)
{
    char who[L4_NAME_SIZE + 8];
    l4_snprintf(who, sizeof who, "R1 %s", my_name());
    for (enum round r = 0; r < ROUNDS; r++) {
        if (named(sender_of[r])) {
            sleep_until(slot(r));
            l4_load_message(0x10 + r, 0, 0);
            print_result(who, "send to server",
                         l4_send_timeout(l4_lookup("server"), l4_timeout_us(PATIENT_US)));
        } else if (on_path(r)) {
            struct intercepted message;
            monitor_wait(&message);
            print_intercepted(who, &message);
            print_result(who, "forward", pass_through(&message));
        }
    }
    l4_sleep_forever();
}

static void server(void)
{
    char what[48];
    char text[64];
    char expected[64];
    char from[L4_NAME_SIZE];
    char dope[DOPE_TEXT_SIZE];
    for (enum round r = 0; r < ROUNDS; r++) {
        /* Mid-slot, away from the instants the senders wake at: events at one instant could come
           in either order. */
        l4_u64 now = now_us();
        l4_ipc_result got = l4_wait_timeout(l4_timeout_us((l4_word)(slot(r) + SLOT_US / 2 - now)));
        if (l4_ipc_failed(got))
            l4_snprintf(text, sizeof text, "nothing: %s", dope_text(got.dope, dope));
        else
            l4_snprintf(text, sizeof text, "label 0x%x from %s, dope %s", l4_msg_tag_label(l4_mr(0)),
                        thread_text(got.from, from), dope_text(got.dope, dope));
        l4_snprintf(what, sizeof what, "R1 server, round %u", r + 1);
        l4_snprintf(expected, sizeof expected, "label 0x%x from %s, dope 0x0", 0x10 + r, sender_of[r]);
        expect_text(what, text, expected);
    }
    sleep_until(slot(ROUNDS)); /* the last sender prints its outcome */
    finish("R1");
}

static const struct role roles[] = {
    { "client", play }, { "client.guard", play }, { "mon", play },
    { "mon.peer", play }, { "server.front", play }, { "server", server },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}

/* The entry of every task's second thread. */
L4_THREAD_ENTRY void second_thread(void)
{
    PLAY_MY_ROLE(roles);
}
