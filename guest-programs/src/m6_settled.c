/*
 * M6 and M9 as settled: with a controlling monitor set, every ending of the blocked source's IPC
 * is reported to it (MR4 = the code the source would get) and the source stays held until that
 * monitor releases it (option 3) or ends it (option 1); MR2 is the true source as the final
 * receiver saw it; the controlling monitor named at +8 must be the forwarder itself, and option
 * 6 on a forward that holds no IPC is error 6; options 1 and 3 reach a source still waiting at
 * the M4 readiness check (M9).
 *
 * Roles: `client` sends to `server` through the system monitors `ctl` (first, the controlling
 * monitor) and `other` (second). ctl may also claim `alias` as true source (a rule for any
 * source). One round per slot of virtual time; the client judges what its sends see.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/monitor.h"
#include "common/observe.h"
#include "common/timeline.h"

#define FIRST_SLOT_US 1000
#define SLOT_US 3000
#define HOLD_US 300
#define ACT_AT_US 200
#define OTHER_HOLDS_US 300
#define DELAY_US 100
#define M4_WAIT_US 1500

enum round {
    OTHERS_ERROR_RELEASED,  /* other's option 1 is reported; ctl releases with option 3 */
    OTHERS_ERROR_ENDED,     /* likewise; ctl ends it with option 1 */
    DELAY_TIMEOUT,          /* the delay timeout runs out at other: reported with 5 */
    CLAIMED_SOURCE,         /* ctl claims alias: MR2 of the notification is alias */
    ERROR_AT_M4,            /* the server is not ready: ctl's option 1 reaches the waiting client */
    UNBLOCK_AT_M4,          /* likewise with option 3 */
    MONITOR_DIES,           /* other dies holding the IPC: reported with 2 */
    ROUNDS
};

static const char *const round_text[ROUNDS] = {
    "other's option 1 while ctl controls, then ctl's option 3",
    "other's option 1 while ctl controls, then ctl's option 1",
    "a delay timeout while ctl controls, then ctl's option 3",
    "ctl claiming alias as true source (option 7), then ctl's option 3",
    "ctl's option 1 while the client waits at the M4 check",
    "ctl's option 3 while the client waits at the M4 check",
    "other dying while it holds the IPC, then ctl's option 1",
};

static l4_u64 slot(enum round r)
{
    return FIRST_SLOT_US + (l4_u64)r * SLOT_US;
}

static l4_thread_id id_of(const char *name)
{
    return l4_lookup(name);
}

static void client(void)
{
    char what[160];
    for (enum round r = 0; r < ROUNDS; r++) {
        sleep_until(slot(r));
        l4_set_mr(0, l4_msg_tag_make(0x60 + r, 0, 0));
        int at_m4 = r == ERROR_AT_M4 || r == UNBLOCK_AT_M4;
        struct timed_result sent = timed_ipc(id_of("server"), L4_NILTHREAD,
                                             l4_timeouts(at_m4 ? l4_timeout_us(M4_WAIT_US) : L4_TIMEOUT_NEVER,
                                                         L4_TIMEOUT_NEVER),
                                             L4_SND_DESC_NONE);
        char outcome[OUTCOME_TEXT_SIZE];
        l4_snprintf(what, sizeof what, "M6 client: send with %s", round_text[r]);
        l4_printf("%s: %s\n", what, outcome_text(sent.ipc, outcome));
        int ended = r == OTHERS_ERROR_ENDED || r == MONITOR_DIES || r == ERROR_AT_M4;
        static const l4_word codes[ROUNDS] = { 0, 0xc71, 0, 0, 0xa4, 0, 0xd1e };
        expect_yes("M6 client: the outcome is ctl's decision",
                   ended ? l4_ipc_error(sent.ipc) == L4_ERROR_MONITOR && l4_error_code() == codes[r]
                         : !l4_ipc_failed(sent.ipc));
        expect_yes("M6 client: released when ctl decided, not before",
                   at_m4 ? sent.elapsed_us >= ACT_AT_US && sent.elapsed_us < M4_WAIT_US
                         : sent.elapsed_us >= HOLD_US);
    }
    finish("M6");
}

static void server(void)
{
    char name[L4_NAME_SIZE];
    for (;;) {
        l4_u64 now = now_us();
        /* Away from slot starts, where the client acts: events at one instant could come in
           either order. */
        l4_u64 away_from = slot(ERROR_AT_M4) - SLOT_US / 2, back_at = slot(MONITOR_DIES) - SLOT_US / 2;
        if (now >= away_from && now < back_at) {
            sleep_until(back_at); /* not ready: the client waits at the M4 check */
            continue;
        }
        l4_u64 until = now < away_from ? away_from : slot(ROUNDS) + SLOT_US;
        l4_ipc_result got = l4_wait_timeout(l4_timeout_us((l4_word)(until - now)));
        if (!l4_ipc_failed(got))
            l4_printf("M6 server: label 0x%x from %s\n", l4_msg_tag_label(l4_mr(0)), l4_name_of(got.from, name));
    }
}

static struct forwarding controlled(l4_thread_id true_source, l4_word delay_us)
{
    struct forwarding how = deceit_controlled_by_me();
    how.true_source = true_source;
    how.delay_timeout_us = delay_us;
    how.send_timeout = L4_TIMEOUT_NEVER;
    return how;
}

static void ctl(void)
{
    l4_thread_id client_id = id_of("client");
    for (enum round r = 0; r < ROUNDS; r++) {
        if (r == ERROR_AT_M4 || r == UNBLOCK_AT_M4) {
            sleep_until(slot(r) + ACT_AT_US);
            print_result("M6 ctl", r == ERROR_AT_M4 ? "option 1 to the client waiting at the M4 check"
                                                    : "option 3 to the client waiting at the M4 check",
                         r == ERROR_AT_M4 ? fail_blocked_source(client_id, 0xa4) : unblock(client_id));
            continue;
        }
        struct intercepted message;
        monitor_wait(&message);
        if (r == OTHERS_ERROR_RELEASED) {
            struct forwarding naming_other = controlled(L4_NILTHREAD, 0);
            naming_other.controlling_monitor = id_of("other");
            print_result("M6 ctl", "option 6 naming other as controlling monitor",
                         forward(&message, message.intended_receiver, naming_other));
        }
        struct forwarding how = controlled(L4_NILTHREAD, r == DELAY_TIMEOUT ? DELAY_US : 0);
        if (r == CLAIMED_SOURCE) {
            /* Option 7: the client's IPC goes on, claimed to come from alias. */
            how.option = L4_OPTION_DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR;
            how.true_source = id_of("alias");
            how.blocked_source = client_id;
        }
        print_result("M6 ctl", "forward as controlling monitor", forward(&message, message.intended_receiver, how));
        await_notification("M6 ctl");
        l4_sleep(HOLD_US);
        int ends = r == OTHERS_ERROR_ENDED || r == MONITOR_DIES;
        print_result("M6 ctl", ends ? "option 1 to the held client" : "option 3 to the held client",
                     ends ? fail_blocked_source(client_id, r == MONITOR_DIES ? 0xd1e : 0xc71) : unblock(client_id));
        if (r == CLAIMED_SOURCE)
            print_result("M6 ctl", "option 6 again, on a forward that holds no IPC",
                         forward(&message, message.intended_receiver, controlled(L4_NILTHREAD, 0)));
    }
    l4_sleep_forever();
}

static void other(void)
{
    for (enum round r = 0; r < ROUNDS; r++) {
        if (r == CLAIMED_SOURCE || r == ERROR_AT_M4 || r == UNBLOCK_AT_M4)
            continue; /* the IPC does not come this way */
        struct intercepted message;
        monitor_wait(&message);
        switch (r) {
        case OTHERS_ERROR_RELEASED:
        case OTHERS_ERROR_ENDED:
            print_result("M6 other", "option 1 to the client", fail_blocked_source(message.blocked_source, 0xe1));
            break;
        case DELAY_TIMEOUT:
            l4_sleep(OTHER_HOLDS_US);
            print_result("M6 other", "forward after the delay timeout ran out", pass_through(&message));
            break;
        default:
            l4_printf("M6 other: dies holding the IPC\n");
            l4_exit_thread();
        }
    }
}

static void idle(void)
{
    l4_sleep_forever();
}

static const struct role roles[] = {
    { "client", client }, { "server", server }, { "ctl", ctl }, { "other", other }, { "alias", idle },
};

void main(void)
{
    PLAY_MY_ROLE(roles);
}
