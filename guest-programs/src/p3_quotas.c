/*
 * P3 Per-task quotas bound kernel memory, and exceeding one is an error, never an allocation:
 * threads (thread_control answers 6), mappings (a map item fails with error 4 for both sides; a
 * pager's reply that cannot be placed fails with error 4 and the faulting thread is stopped;
 * sigma0 refuses), and queued controller notifications (one beyond the quota is lost, counted
 * for the monitor, and its blocked source is released as if no controlling monitor were set:
 * its message was delivered, S1, M6).
 *
 * Roles: `boss` (privileged, max-threads 3) creates threads, pages `tight` (max-mappings 48), a
 * servant (common/remote.h), and collects the others' results. `greedy` (max-mappings 32)
 * touches its own <memory> until sigma0 refuses. `src1`..`src3` send to `sink` through `mon`
 * (max-notifications 2), which forwards all three as their controlling monitor before it
 * collects any notification. `crowded` (privileged, max-mappings 32) creates threads in its own
 * task, each with its UTCB on a page of its own, until thread_control refuses one: a UTCB page
 * is a mapping like any other.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/remote.h"
#include "common/monitor.h"

#define BOSS_REGION 0x40000000u
#define REGION_PAGES 64
#define REGION_LOG2 18 /* 64 pages */
#define TIGHT_WINDOW 0x60000000u
#define TIGHT_QUOTA 48
#define GREEDY_QUOTA 32
#define FIRST_EXTRA_THREAD 200
#define UTCB_AREA 0xBFF00000u
#define UTCB_SIZE 512
#define SOURCES 3
#define LABEL_OUTCOME 0x30
#define LABEL_NOTIFICATIONS 0x31
#define LABEL_CROWDED 0x32
#define CROWDED_QUOTA 32
#define FIRST_CROWD_THREAD 300

static l4_thread_id extra_thread(l4_word i)
{
    return l4_thread_id_make(FIRST_EXTRA_THREAD + i, 1);
}

/* A halted thread in the boss's own task; slot 0 is the boss's UTCB. */
static l4_word create_extra(l4_word i, l4_word utcb_slot)
{
    return l4_thread_control(extra_thread(i), l4_myself(), l4_myself(), UTCB_AREA + utcb_slot * UTCB_SIZE);
}

static void thread_quota(void)
{
    expect_value("P3 boss (max-threads 3) creates a second thread", create_extra(0, 1), 0);
    expect_value("P3 and a third", create_extra(1, 2), 0);
    expect_value("P3 a fourth, over the quota (6, not permitted)", create_extra(2, 3), L4_ERROR_NOT_PERMITTED);
    expect_value("P3 after deleting one", l4_thread_control(extra_thread(0), L4_NILTHREAD, 0, 0), 0);
    expect_value("P3 the fourth fits", create_extra(2, 1), 0);
}

static void touch_region(void)
{
    for (l4_word k = 0; k < REGION_PAGES; k++)
        *(volatile l4_word *)(BOSS_REGION + k * L4_PAGE_SIZE) = k;
}

static void map_item_quota(l4_thread_id tight)
{
    l4_fpage region = l4_fpage_make(BOSS_REGION, REGION_LOG2, L4_RIGHTS_RW);
    remote_command(tight, REMOTE_ACCEPT, 2, (l4_word[]){ l4_fpage_make(TIGHT_WINDOW, REGION_LOG2, 0), l4_myself() },
                   0);
    l4_load_item_message(0x200, L4_ITEM_MAP, 0, region);
    expect_ipc("P3 a map of 64 pages to tight (max-mappings 48): the sender",
               untimed(l4_send_timeout(tight, l4_timeout_us(PATIENT_US))),
               fails(L4_ERROR_MESSAGE_OVERFLOW, L4_PHASE_SEND, unmeasured()));
    struct remote_result last = remote_command(tight, REMOTE_LAST_RECEIVED, 0, 0, 0);
    expect_ipc("P3 a map of 64 pages to tight (max-mappings 48): the receiver",
               untimed((l4_ipc_result){ last.second, last.value }),
               fails(L4_ERROR_MESSAGE_OVERFLOW, L4_PHASE_RECEIVE, unmeasured()));
    l4_unmap(region, 0); /* frees tight's quota again */
}

static l4_word pages_served;

static int serve_tight(l4_thread_id tight, l4_msg_tag fault)
{
    (void)tight;
    l4_word address = l4_mr(L4_PAGE_FAULT_ADDRESS_MR);
    if (!l4_is_page_fault(fault) || address - TIGHT_WINDOW >= REGION_PAGES * L4_PAGE_SIZE)
        return 0;
    pages_served++;
    l4_load_item_message(0, L4_ITEM_MAP, address,
                         l4_fpage_page(BOSS_REGION + (address - TIGHT_WINDOW), L4_RIGHTS_RW));
    return 1;
}

static void page_fault_quota(l4_thread_id tight)
{
    struct remote_result read = { 0 };
    l4_word page = 0;
    for (; page < REGION_PAGES; page++) {
        read = remote_command(tight, REMOTE_READ, 1, (l4_word[]){ TIGHT_WINDOW + page * L4_PAGE_SIZE },
                              serve_tight);
        if (l4_ipc_failed(read.ipc))
            break;
    }
    expect_yes("P3 tight's page faults are served until its quota is used up, at fewer than 48 pages",
               page > 0 && page < TIGHT_QUOTA && pages_served == page + 1);
    expect_ipc("P3 the pager's reply that tight has no quota left for", untimed(read.ipc),
               fails(L4_ERROR_MESSAGE_OVERFLOW, L4_PHASE_SEND, unmeasured()));
    expect_ipc("P3 and the kernel has stopped tight: a closed wait on it",
               untimed(l4_receive_timeout(tight, L4_TIMEOUT_ZERO)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_RECEIVE, unmeasured()));
}

static void others(void)
{
    expect_ipc("P3 greedy (max-mappings 32), whose region sigma0 stopped serving, is gone: a closed wait on it",
               untimed(l4_receive_timeout(l4_lookup("greedy"), L4_TIMEOUT_ZERO)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_RECEIVE, unmeasured()));
    static const char *const sources[SOURCES] = { "src1", "src2", "src3" };
    char what[80];
    for (l4_word i = 0; i < SOURCES; i++) {
        l4_receive_timeout(l4_lookup(sources[i]), l4_timeout_us(PATIENT_US));
        l4_snprintf(what, sizeof what, "P3 %s's send through mon (max-notifications 2)", sources[i]);
        expect_ipc(what, untimed((l4_ipc_result){ l4_mr(1), l4_mr(2) }), succeeds(unmeasured()));
    }
    l4_receive_timeout(l4_lookup("mon"), l4_timeout_us(PATIENT_US));
    expect_value("P3 notifications mon received", l4_mr(1), 2);
    l4_receive_timeout(l4_lookup("crowded"), l4_timeout_us(PATIENT_US));
    expect_yes("P3 crowded (max-mappings 32) creates threads with UTCBs on pages of their own until one is"
               " refused, before its 32nd page", l4_mr(1) > 0 && l4_mr(1) < CROWDED_QUOTA);
    expect_value("P3 the thread_control whose UTCB page crowded has no quota left for", l4_mr(2),
                 L4_ERROR_NOT_PERMITTED);
    expect_value("P3 a UTCB beside one of them, on a page crowded has, still fits", l4_mr(3), 0);
}

static void boss(void)
{
    l4_thread_id tight = l4_lookup("tight");
    thread_quota();
    touch_region();
    map_item_quota(tight);
    page_fault_quota(tight);
    others();
    finish("P3");
}

static void tight(void)
{
    remote_serve(l4_lookup("boss"));
}

static void greedy(void)
{
    for (l4_word k = 0; k < REGION_PAGES; k++)
        *(volatile l4_word *)(BOSS_REGION + k * L4_PAGE_SIZE) = k;
    l4_print("greedy: unreachable\n");
}

static void report_to_boss(l4_word label, l4_word first, l4_word second)
{
    l4_load_message(label, 2, (l4_word[]){ first, second });
    l4_send(l4_lookup("boss"));
}

static l4_word crowd_thread(l4_word i, l4_word utcb)
{
    return l4_thread_control(l4_thread_id_make(FIRST_CROWD_THREAD + i, 1), l4_myself(), l4_myself(), utcb);
}

/* Page 0 of the UTCB area holds crowded's own UTCB; thread i gets page i + 1. */
static void crowded(void)
{
    l4_word made = 0;
    l4_word refusal = 0;
    while (made < CROWDED_QUOTA && (refusal = crowd_thread(made, UTCB_AREA + (made + 1) * L4_PAGE_SIZE)) == 0)
        made++;
    l4_word beside = crowd_thread(made, UTCB_AREA + L4_PAGE_SIZE + UTCB_SIZE);
    l4_load_message(LABEL_CROWDED, 3, (l4_word[]){ made, refusal, beside });
    l4_send(l4_lookup("boss"));
}

static void source(void)
{
    l4_load_message(0x40, 0, 0);
    l4_ipc_result sent = l4_send(l4_lookup("sink"));
    report_to_boss(LABEL_OUTCOME, sent.from, sent.dope);
}

static void sink(void)
{
    for (l4_word i = 0; i < SOURCES; i++)
        l4_wait();
}

/* Takes all three IPCs first, then forwards them: three notifications for a queue of two. */
static void mon(void)
{
    struct intercepted held[SOURCES];
    for (l4_word i = 0; i < SOURCES; i++)
        monitor_wait(&held[i]);
    for (l4_word i = 0; i < SOURCES; i++)
        forward(&held[i], held[i].intended_receiver, deceit_controlled_by_me());
    l4_word notified = 0;
    l4_ipc_result received;
    while (!l4_ipc_failed(received = l4_wait_timeout(L4_TIMEOUT_ZERO))) {
        if (l4_dope_option_received(received.dope) && l4_dope_option(received.dope) == L4_OPTION_NOTIFICATION) {
            notified++;
            unblock(l4_mr(1)); /* MR1 of a notification: the blocked source */
        }
    }
    report_to_boss(LABEL_NOTIFICATIONS, notified, 0);
}

static const struct role roles[] = {
    { "boss", boss }, { "tight", tight }, { "greedy", greedy }, { "src1", source }, { "src2", source },
    { "src3", source }, { "sink", sink }, { "mon", mon }, { "crowded", crowded },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
