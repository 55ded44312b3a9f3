/*
 * S6 Page-fault and exception IPC are sent on the faulting thread's behalf: allow rules (P1)
 * and redirection (R1-R5) apply to them as to the thread's own sends, because the Pager and
 * ExceptionHandler words are the thread's to write. The kernel keeps the fault message itself,
 * so a sibling rewriting the faulting thread's UTCB while the fault IPC waits changes nothing the
 * handler gets, and the handler's reply leaves every MR of the faulting thread as it was.
 *
 * Roles: `confined` (may send only to `boss`) forges its Pager word to name `victim` and
 * faults; its thread `raiser` forges its ExceptionHandler word likewise and raises an exception.
 * Neither message may reach the victim: both faults stay unresolved. `watched` faults to its
 * pager `pagerd` through the system monitor `mon` (a redirect rule); its `meddler` rewrites
 * watched's MR0..MR2 while the fault IPC waits for mon. `gated` (also confined to boss) names
 * victim as its pager, but a redirect rule sends its IPC to victim through `gate`, which
 * decides (P1) and refuses it with option 1: the fault stays unresolved. `boss` judges.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/timeline.h"
#include "common/monitor.h"

#define UNSERVED 0x50000000u     /* mapped by nobody until pagerd maps it into watched */
#define PAGERD_PAGE 0x60000000u  /* pagerd's <memory> */
#define PAGE_MARK 0x5600d001u
#define PATTERN 0xA5A50000u
#define MEDDLED 0xDEAD0000u
#define MEDDLED_WORDS 3
#define REPLY_JUNK_WORDS 10
#define REPORT_LABEL 0x66
#define MAIN_UTCB ((volatile l4_word *)0xBFF00000u)

#define CONFINED_FAULTS_AT_US 200
#define RAISER_TRAPS_AT_US 300
#define GATED_FAULTS_AT_US 400
#define WATCHED_FAULTS_AT_US 500
#define MEDDLER_WRITES_AT_US 700
#define MON_WAITS_AT_US 1000
#define VICTIM_WAITS_US 3000
#define BOSS_JUDGES_AT_US 3500

static void report_to_boss(l4_word first, l4_word second)
{
    l4_set_mr(0, l4_msg_tag_make(REPORT_LABEL, 2, 0));
    l4_set_mr(1, first);
    l4_set_mr(2, second);
    l4_send_timeout(l4_lookup("boss"), L4_TIMEOUT_NEVER);
}

static void confined(void)
{
    sleep_until(CONFINED_FAULTS_AT_US);
    l4_set_pager(l4_lookup("victim"));
    (void)*(volatile l4_word *)UNSERVED;
    l4_printf("S6 confined: resumed after a fault it sent to a thread it may not send to\n");
}

L4_THREAD_ENTRY void confined_raiser(void)
{
    sleep_until(RAISER_TRAPS_AT_US);
    l4_set_exception_handler(l4_lookup("victim"));
    __builtin_trap();
    l4_printf("S6 confined.raiser: resumed after an exception it sent to a thread it may not send to\n");
    l4_exit_thread();
}

static void gated(void)
{
    sleep_until(GATED_FAULTS_AT_US);
    l4_set_pager(l4_lookup("victim"));
    (void)*(volatile l4_word *)UNSERVED;
    l4_printf("S6 gated: resumed after a fault its monitor refused\n");
}

static void gate(void)
{
    struct intercepted message;
    monitor_wait(&message);
    char from[L4_NAME_SIZE], to[L4_NAME_SIZE];
    l4_printf("S6 gate: label 0x%x from %s, redirected %s, intended receiver %s\n",
              l4_msg_tag_label(message.words[0]), l4_name_of(message.received.from, from),
              is_redirected(&message) ? "yes" : "no", l4_name_of(message.intended_receiver, to));
    print_result("S6 gate", "refusing it with option 1", fail_blocked_source(message.blocked_source, 0x6a7e));
}

static void victim(void)
{
    l4_ipc_result got = l4_wait_timeout(l4_timeout_us(VICTIM_WAITS_US));
    char name[L4_NAME_SIZE];
    if (!l4_ipc_failed(got))
        l4_printf("S6 victim: got label 0x%x from %s\n", l4_msg_tag_label(l4_mr(0)), l4_name_of(got.from, name));
    report_to_boss(got.dope, l4_mr(0));
}

static void watched(void)
{
    sleep_until(WATCHED_FAULTS_AT_US);
    for (l4_word i = 0; i < L4_MR_COUNT; i++)
        l4_set_mr(i, PATTERN + i);
    l4_word read = *(volatile l4_word *)UNSERVED;
    l4_word intact = 1;
    for (l4_word i = 0; i < L4_MR_COUNT; i++) {
        l4_word expected = i < MEDDLED_WORDS ? MEDDLED + i : PATTERN + i;
        if (l4_mr(i) != expected)
            intact = 0;
    }
    report_to_boss(read, intact);
}

L4_THREAD_ENTRY void watched_meddler(void)
{
    sleep_until(MEDDLER_WRITES_AT_US);
    for (l4_word i = 0; i < MEDDLED_WORDS; i++)
        MAIN_UTCB[i] = MEDDLED + i;
    l4_exit_thread();
}

static void mon(void)
{
    sleep_until(MON_WAITS_AT_US);
    struct intercepted message;
    monitor_wait(&message);
    char from[L4_NAME_SIZE], to[L4_NAME_SIZE];
    l4_printf("S6 mon: label 0x%x from %s, redirected %s, intended receiver %s, MR1 0x%x, kernel flag %s\n",
              l4_msg_tag_label(message.words[0]), l4_name_of(message.received.from, from),
              is_redirected(&message) ? "yes" : "no", l4_name_of(message.intended_receiver, to),
              message.words[1], l4_msg_tag_is_from_kernel(message.words[0]) ? "yes" : "no");
    print_result("S6 mon", "forwarding the fault to pagerd", pass_through(&message));
}

static void pagerd(void)
{
    *(volatile l4_word *)PAGERD_PAGE = PAGE_MARK;
    l4_ipc_result fault = l4_wait();
    char from[L4_NAME_SIZE];
    l4_msg_tag tag = l4_mr(0);
    l4_printf("S6 pagerd: label 0x%x from %s, dope 0x%x, MR1 0x%x, page fault %s\n", l4_msg_tag_label(tag),
              l4_name_of(fault.from, from), fault.dope, l4_mr(1), l4_is_page_fault(tag) ? "yes" : "no");
    /* A reply with ten junk words before the map item: none of them may reach watched's MRs. */
    l4_set_mr(0, l4_msg_tag_make(0, REPLY_JUNK_WORDS, 2));
    for (l4_word i = 1; i <= REPLY_JUNK_WORDS; i++)
        l4_set_mr(i, 0x0BAD0000u + i);
    l4_set_typed_item(1 + REPLY_JUNK_WORDS, L4_ITEM_MAP, UNSERVED, l4_fpage_page(PAGERD_PAGE, L4_RIGHTS_RW));
    print_result("S6 pagerd", "reply with ten words and a map item", l4_reply(fault.from));
    /* Stays: when a task's last thread ends, what others got from its pages goes with it (P3). */
    l4_sleep_forever();
}

static l4_word collect(const char *who, l4_word *second)
{
    l4_ipc_result got = l4_receive_timeout(l4_lookup(who), l4_timeout_us(PATIENT_US));
    *second = l4_mr(2);
    return l4_ipc_failed(got) ? 0xFFFFFFFFu : l4_mr(1);
}

static void boss(void)
{
    sleep_until(BOSS_JUDGES_AT_US);
    l4_word second;
    l4_word victim_dope = collect("victim", &second);
    char text[L4_DOPE_TEXT_SIZE];
    expect_text("S6 the victim, named by forged Pager and ExceptionHandler words of a task confined by allow"
                " rules, receives nothing", l4_describe_dope(victim_dope, text), "error 1 (timeout), phase receive");
    expect_ipc("S6 confined, whose fault IPC P1 forbids, is stopped: a closed wait on it",
               untimed(l4_receive_timeout(l4_lookup("confined"), L4_TIMEOUT_ZERO)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_RECEIVE, unmeasured()));
    expect_ipc("S6 confined.raiser, whose exception IPC P1 forbids, is stopped: a closed wait on it",
               untimed(l4_receive_timeout(l4_lookup("confined.raiser"), L4_TIMEOUT_ZERO)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_RECEIVE, unmeasured()));
    expect_ipc("S6 gated, whose fault IPC its monitor refused, is stopped: a closed wait on it",
               untimed(l4_receive_timeout(l4_lookup("gated"), L4_TIMEOUT_ZERO)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_RECEIVE, unmeasured()));
    l4_word read = collect("watched", &second);
    expect_value("S6 watched, whose fault went through mon to pagerd, reads pagerd's page (0x5600d001)", read,
                 PAGE_MARK);
    expect_yes("S6 watched's MRs after the reply are as they were: its meddler's MR0..MR2, its own MR3..MR63",
               second == 1);
    finish("S6");
}

static const struct role roles[] = {
    { "boss", boss },       { "confined", confined }, { "victim", victim },
    { "watched", watched }, { "mon", mon },           { "pagerd", pagerd },
    { "gated", gated },     { "gate", gate },
};

void main(void)
{
    PLAY_MY_ROLE(roles);
}
