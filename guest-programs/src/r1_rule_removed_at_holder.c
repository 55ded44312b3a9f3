/*
 * Rules where they meet, one round per slot of virtual time; every line prints what was seen.
 * - R1/R3 with rule changes in flight (each forward's rest of the path comes from the rules in
 *   force). ctl's rule is removed while ctl holds the IPC; ctl (still a system monitor of the
 *   client by its rule for `late`) forwards to the same destination: the IPC goes on to mon2,
 *   whose rule stands and which follows ctl.
 *   (Found broken: the kernel recomputed the path without ctl, took ctl for a forwarder off the
 *   path (R5) and delivered straight to server, skipping mon2.) mon2's rule removed while it
 *   holds the IPC: its forward is error 6 (R3 as written), its option 1 still reaches the client.
 * - M4 x M5: the delay timeout counts from passing the M4 check, not from the send.
 * - M5 x M6: a delay timeout told to the controlling monitor (MR4 5), which releases (option 3,
 *   dope 0) or ends (option 1, error 8).
 * - S4 x M6: a zero-timeout reply before the release fails; the receive timeout counts from it.
 * - exchange_registers x M1/M9: the source cancelled while mon2 holds its message; mon2's
 *   option 5 naming it is error 6, its option 4 is delivered and releases nobody.
 * - R5 x M4 x M8: ctl changes destination to dprime, whose destination monitor is not ready:
 *   ctl's zero-timeout forward fails, its blocking one waits; the client's 300 us send timeout
 *   is over past the M4 check; final delivery at dmon.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/monitor.h"
#include "common/observe.h"
#include "common/timeline.h"
#include "common/audit.h"

#define SLOT_US 4000
#define FIRST_US 1000
enum round {
    DELAY_ACROSS_M4_WAIT,   /* client -> late (ready at +1000), delay 300: check passed at +1000 */
    DELAY_EXPIRED_RELEASE,  /* ctl holds 500, delay 300: ctl told 5, releases (option 3) */
    DELAY_EXPIRED_END,      /* same, ctl ends it with option 1 0xd2 */
    CALL_HELD,              /* call, rcv timeout 600; server replies zero at once, then at release+400 */
    CANCEL_AT_MON2,         /* mon2 holds; helper halts+resumes client; mon2 then option 5, option 4 */
    RULE_REMOVED_AT_CTL,    /* helper removes ctl's rule while ctl holds; ctl forwards option 6 */
    RULE_REMOVED_AT_MON2,   /* helper removes mon2's rule while mon2 holds; mon2 forwards option 4 */
    CHANGE_DEST_NOT_READY,  /* ctl -> dprime (dmon dest monitor, waits at +800): zero, then never */
    ROUNDS
};
#define LABEL(r) (0x70 + (r))

static l4_u64 slot(int r) { return FIRST_US + (l4_u64)r * SLOT_US; }
static int round_of(l4_word label) { return (int)label - 0x70; }

static void show(const char *what, struct timed_result t)
{
    l4_printf("client: %s: dope 0x%x ErrorCode 0x%x after %u us\n", what, t.ipc.dope,
              l4_error_code(), (unsigned)t.elapsed_us);
}

static struct l4_ipc_params block;

static void client(void)
{
    l4_thread_id server = l4_lookup("server");
    for (int r = 0; r < ROUNDS; r++) {
        sleep_until(slot(r));
        l4_set_mr(0, l4_msg_tag_make(LABEL(r), 1, 0));
        l4_set_mr(1, 0x1000 + r);
        block = (struct l4_ipc_params){ 0, 0, 0, 0 };
        struct timed_result t;
        switch (r) {
        case DELAY_ACROSS_M4_WAIT:
            block.delay_timeout_us = 300;
            t = timed_ipc(l4_lookup("late"), L4_NILTHREAD,
                          l4_timeouts(l4_timeout_us(2000), L4_TIMEOUT_NEVER), l4_snd_desc(&block));
            break;
        case DELAY_EXPIRED_RELEASE:
        case DELAY_EXPIRED_END:
            block.delay_timeout_us = 300;
            t = timed_ipc(server, L4_NILTHREAD, L4_TIMEOUT_NEVER, l4_snd_desc(&block));
            break;
        case CALL_HELD:
            t = timed_ipc(server, server, l4_timeouts(L4_TIMEOUT_NEVER, l4_timeout_us(600)), 0);
            l4_printf("client: call reply MR1 0x%x\n", l4_mr(1));
            break;
        case CHANGE_DEST_NOT_READY:
            t = timed_ipc(server, L4_NILTHREAD, l4_timeouts(l4_timeout_us(300), L4_TIMEOUT_NEVER), 0);
            break;
        default:
            t = timed_ipc(server, L4_NILTHREAD, L4_TIMEOUT_NEVER, 0);
            break;
        }
        char what[48];
        l4_snprintf(what, sizeof what, "round %d", r);
        show(what, t);
    }
    sleep_until(slot(ROUNDS));
    l4_printf("client: done\n");
    l4_kdebug(L4_KDEBUG_SHUTDOWN, 0, 0);
}

static void helper(void)
{
    l4_thread_id client = l4_lookup("client"), server = l4_lookup("server");
    sleep_until(slot(CANCEL_AT_MON2) + 300);
    l4_exchange_registers_result x = l4_exchange_registers(client, L4_EXREGS_HALT | L4_EXREGS_RESUME, 0, 0);
    l4_printf("helper: halt+resume client: result %u\n", x.result);
    sleep_until(slot(RULE_REMOVED_AT_CTL) + 200);
    l4_printf("helper: remove ctl rule: %u\n", l4_redirect(L4_REDIRECT_REMOVE, client, server, l4_lookup("ctl")));
    sleep_until(slot(RULE_REMOVED_AT_MON2));
    /* put ctl back in front of mon2 */
    l4_printf("helper: remove mon2 rule: %u\n", l4_redirect(L4_REDIRECT_REMOVE, client, server, l4_lookup("mon2")));
    l4_printf("helper: add ctl rule: %u\n", l4_redirect(L4_REDIRECT_ADD | L4_MONITOR_CLASS_SYSTEM, client, server, l4_lookup("ctl")));
    l4_printf("helper: add mon2 rule: %u\n", l4_redirect(L4_REDIRECT_ADD | L4_MONITOR_CLASS_SYSTEM, client, server, l4_lookup("mon2")));
    sleep_until(slot(RULE_REMOVED_AT_MON2) + 300);
    l4_printf("helper: remove mon2 rule in flight: %u\n", l4_redirect(L4_REDIRECT_REMOVE, client, server, l4_lookup("mon2")));
    l4_sleep_forever();
}

static void receiver(const char *me, l4_u64 ready_at)
{
    char name[L4_NAME_SIZE];
    if (ready_at)
        sleep_until(ready_at);
    for (;;) {
        l4_ipc_result got = l4_wait();
        l4_printf("%s: at %u got dope 0x%x from %s label 0x%x MR1 0x%x\n", me, (unsigned)now_us(), got.dope,
                  l4_name_of(got.from, name), l4_msg_tag_label(l4_mr(0)), l4_mr(1));
        if (!l4_ipc_failed(got) && l4_msg_tag_label(l4_mr(0)) == LABEL(CALL_HELD)) {
            l4_thread_id caller = got.from;
            l4_set_mr(0, l4_msg_tag_make(0x99, 1, 0));
            l4_set_mr(1, 0xaaa);
            l4_ipc_result zero = l4_ipc(caller, L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, L4_TIMEOUT_NEVER), 0);
            l4_printf("%s: zero-timeout reply before release: dope 0x%x\n", me, zero.dope);
            l4_sleep(1200);
            l4_set_mr(0, l4_msg_tag_make(0x99, 1, 0));
            l4_set_mr(1, 0xbbb);
            l4_ipc_result late = l4_ipc(caller, L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, L4_TIMEOUT_NEVER), 0);
            l4_printf("%s: zero-timeout reply 1200 us later: dope 0x%x\n", me, late.dope);
        }
    }
}

static void server(void) { receiver("server", 0); }
static void late(void) { receiver("late", slot(DELAY_ACROSS_M4_WAIT) + 1000); }
static void dprime(void) { receiver("dprime", 0); }

static struct forwarding controlled(void)
{
    struct forwarding how = deceit_controlled_by_me();
    how.send_timeout = L4_TIMEOUT_NEVER;
    return how;
}

static void ctl(void)
{
    int r = -1;
    l4_thread_id source = L4_NILTHREAD;
    for (;;) {
        struct intercepted m;
        monitor_wait(&m);
        if (is_notification(&m)) {
            print_notification("ctl", &m);
            struct notification n = notification_of(&m);
            if (r == DELAY_EXPIRED_END) {
                l4_sleep(100);
                print_result("ctl", "option 1 0xd2", fail_blocked_source(n.blocked_source, 0xd2));
            } else {
                if (r == CALL_HELD)
                    l4_sleep(800);
                l4_printf("ctl: releasing at %u\n", (unsigned)now_us());
                print_result("ctl", "option 3", unblock(n.blocked_source));
            }
            continue;
        }
        r = round_of(message_label(&m));
        source = m.blocked_source;
        l4_printf("ctl: round %d at %u: R-words IR %s BS %s CM %s delay %u\n", r, (unsigned)now_us(),
                  audit_name(m.intended_receiver), audit_name(source),
                  audit_name(m.controlling_monitor), m.delay_remaining_us);
        switch (r) {
        case DELAY_EXPIRED_RELEASE:
        case DELAY_EXPIRED_END:
            l4_sleep(500);
            print_result("ctl", "forward option 6 after 500", forward(&m, m.intended_receiver, controlled()));
            break;
        case CANCEL_AT_MON2: {
            struct forwarding how = deceit();
            how.send_timeout = L4_TIMEOUT_NEVER;
            print_result("ctl", "forward option 4", forward(&m, m.intended_receiver, how));
            break;
        }
        case RULE_REMOVED_AT_CTL:
            l4_sleep(400);
            print_result("ctl", "forward option 6 after its rule went", forward(&m, m.intended_receiver, controlled()));
            break;
        case CHANGE_DEST_NOT_READY: {
            struct forwarding how = controlled();
            how.send_timeout = L4_TIMEOUT_ZERO;
            print_result("ctl", "forward to dprime, zero timeout", forward(&m, l4_lookup("dprime"), how));
            how.send_timeout = L4_TIMEOUT_NEVER;
            print_result("ctl", "forward to dprime, never", forward(&m, l4_lookup("dprime"), how));
            l4_printf("ctl: forward done at %u\n", (unsigned)now_us());
            break;
        }
        default:
            print_result("ctl", "forward option 6", forward(&m, m.intended_receiver, controlled()));
            break;
        }
    }
}

static void mon2(void)
{
    for (;;) {
        struct intercepted m;
        monitor_wait(&m);
        if (!is_redirected(&m))
            continue;
        int r = round_of(message_label(&m));
        l4_printf("mon2: round %d at %u: BS %s CM %s delay %u\n", r, (unsigned)now_us(),
                  audit_name(m.blocked_source), audit_name(m.controlling_monitor), m.delay_remaining_us);
        struct forwarding how = deceit();
        how.send_timeout = L4_TIMEOUT_NEVER;
        if (r == CANCEL_AT_MON2) {
            l4_sleep(500);
            struct forwarding five = taking_over(m.received.from);
            five.send_timeout = L4_TIMEOUT_NEVER;
            print_result("mon2", "option 5 naming the cancelled client", forward(&m, m.intended_receiver, five));
            print_result("mon2", "option 4 after the cancel", forward(&m, m.intended_receiver, how));
            continue;
        }
        if (r == RULE_REMOVED_AT_MON2)
            l4_sleep(600);
        l4_ipc_result sent = forward(&m, m.intended_receiver, how);
        print_result("mon2", "forward option 4", sent);
        if (r == RULE_REMOVED_AT_MON2 && l4_ipc_failed(sent))
            print_result("mon2", "option 1 0x6e after the failed forward", fail_blocked_source(m.blocked_source, 0x6e));
    }
}

static void dmon(void)
{
    sleep_until(slot(CHANGE_DEST_NOT_READY) + 800);
    for (;;) {
        struct intercepted m;
        monitor_wait(&m);
        l4_printf("dmon: at %u: dope 0x%x label 0x%x IR %s BS %s CM %s\n", (unsigned)now_us(), m.received.dope,
                  message_label(&m), audit_name(m.intended_receiver), audit_name(m.blocked_source),
                  audit_name(m.controlling_monitor));
        struct forwarding how = deceit();
        how.send_timeout = L4_TIMEOUT_NEVER;
        print_result("dmon", "forward option 4", forward(&m, m.intended_receiver, how));
    }
}

static const struct role roles[] = {
    { "client", client }, { "client.helper", helper }, { "server", server }, { "late", late },
    { "dprime", dprime }, { "ctl", ctl }, { "mon2", mon2 }, { "dmon", dmon },
};

void main(void) { PLAY_MY_ROLE(roles); }
L4_THREAD_ENTRY void second_thread(void) { PLAY_MY_ROLE(roles); }
