/*
 * M6 with P3: a controlling monitor (mon, max-notifications 1) that does not wait while four
 * controlled IPCs end. src1's final delivery is queued; src2's is lost and src2 released as if
 * no controller were set (S1); src3's delay timeout is lost too and src3 gets error 5; src4 is
 * deleted while mon holds its IPC. mon's options 3 and 1 to the released src2 and src3 are
 * error 6; its next waits get only src1's notification. mon2, another task's monitor with the
 * default quota, is unaffected.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define START 3000u
#define LABEL 0x42

static l4_thread_id id(const char *name) { return l4_lookup(name); }

static void source(const char *who, l4_word at)
{
    char outcome[OUTCOME_TEXT_SIZE];
    sleep_until(at);
    l4_load_message(LABEL, 0, 0);
    struct timed_result r = timed_ipc(id("sink"), L4_NILTHREAD, 0, L4_SND_DESC_NONE);
    l4_printf("%s: send: %s\n", who, outcome_text(r.ipc, outcome));
    l4_sleep_forever();
}
static void src1(void) { source("src1", START); }
static void src2(void) { source("src2", START + 10); }
static void src3(void) { source("src3", START + 20); }
static void src4(void) { source("src4", START + 30); }
static void src5(void) { source("src5", START + 40); }

static void mon(void)
{
    struct intercepted m[4];
    for (int i = 0; i < 4; i++) {
        monitor_wait(&m[i]);
        print_intercepted("mon", &m[i]);
    }
    sleep_until(START + 500);
    print_result("mon", "option 6 src1", forward(&m[0], m[0].intended_receiver, deceit_controlled_by_me()));
    print_result("mon", "option 6 src2", forward(&m[1], m[1].intended_receiver, deceit_controlled_by_me()));
    struct forwarding late = deceit_controlled_by_me();
    late.delay_timeout_us = 1;
    print_result("mon", "option 6 src3, delay 1 us", forward(&m[2], m[2].intended_receiver, late));
    print_result("mon", "option 6 src4 to holder (src4 deleted meanwhile)", forward(&m[3], id("holder"), deceit_controlled_by_me()));
    sleep_until(START + 1500);
    print_result("mon", "option 3 to src2 (released, queue full)", unblock(id("src2")));
    print_result("mon", "option 1 to src3 (ended, queue full)", fail_blocked_source(id("src3"), 3));
    for (int i = 0; i < 3; i++) {
        struct intercepted n;
        l4_ipc_result r = l4_wait_timeout(l4_timeout_us(200));
        if (l4_ipc_failed(r)) { print_result("mon", "wait", r); break; }
        n.received = r;
        for (int w = 0; w < 5; w++) n.words[w] = l4_mr(w);
        print_notification("mon", &n);
        print_result("mon", "option 3", unblock(l4_mr(1)));
    }
    l4_sleep_forever();
}

/* src4's IPC goes to a new destination (R5) that receives it late, after src4 was deleted */
static void holder(void)
{
    sleep_until(START + 1200);
    print_message("holder", l4_wait_timeout(l4_timeout_us(100)));
    l4_sleep_forever();
}

static void mon2(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_result("mon2", "option 6 src5", forward(&m, m.intended_receiver, deceit_controlled_by_me()));
    monitor_wait(&m);
    print_notification("mon2", &m);
    print_result("mon2", "option 3", unblock(notification_of(&m).blocked_source));
    l4_sleep_forever();
}

static void sink(void)
{
    for (;;) {
        l4_ipc_result r = l4_wait();
        print_message("sink", r);
    }
}

static void boss(void)
{
    sleep_until(START + 1000);
    l4_printf("boss: delete src4: %u\n", (unsigned)l4_thread_control(id("src4"), L4_NILTHREAD, 0, 0));
    sleep_until(START + 3000);
    l4_printf("boss: done\n");
    l4_shutdown(0);
}

static const struct role roles[] = {
    {"boss", boss}, {"src1", src1}, {"src2", src2}, {"src3", src3}, {"src4", src4}, {"src5", src5},
    {"mon", mon}, {"mon2", mon2}, {"sink", sink}, {"holder", holder},
};

int main(void) { PLAY_MY_ROLE(roles); }
