/*
 * S2, M1, M3, M6, R1: thread deletion (thread_control, space = nilthread) at every stage of a
 * monitored IPC, and rules changed while it waits. Each numbered scenario has its own client cN,
 * system monitor(s) and destination sN; boss (privileged) deletes or changes rules at fixed times.
 *  1 the monitor holding the IPC deleted: the client's send fails with error 2.
 *  2 the source deleted while held by its controller: the controller is told (MR4 2); its
 *    options 1 and 3 to the gone source are error 6.
 *  3 the controller deleted while the source is held after final delivery: the source is released.
 *  4 D deleted while a monitor holds the IPC: the forward gets 2 (M3), the monitor decides.
 *  5 D deleted while the source waits at the M4 check: error 2.
 *  6 a rule added while the source waits at the M4 check: the new monitor is in the rest of the
 *    path computed at the first monitor's forward.
 *  7 the monitor's rule removed while the source waits at the M4 check: the kept path reaches
 *    it, its forward is error 6 (R3), it ends the source with option 1.
 *  8 the controller's rule removed while it holds the source: its option 3 still releases it.
 *  9 the next hop monitor deleted while a forward into it waits: the forward gets 2.
 * 10 the controller deleted before final delivery: the source is released at delivery.
 * 11 the source deleted while it waits at the M4 check: nothing reaches anyone.
 * 12 the source deleted while a monitor holds its IPC: the forward is 2, option 1 is 6.
 * 13 the source deleted while its controller's option 6 forward waits for D: the controller is
 *    told (MR4 2); the forward, permitted when it began, is still delivered (spec-decisions.md).
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define SLOT(n) (5000u + (n) * 1500u)
#define LABEL 0x42

static l4_thread_id id(const char *name) { return l4_lookup(name); }

static void send_and_print(const char *who, const char *to, l4_word at)
{
    char outcome[OUTCOME_TEXT_SIZE];
    sleep_until(at);
    l4_load_message(LABEL, 0, 0);
    struct timed_result r = timed_ipc(id(to), L4_NILTHREAD, 0, L4_SND_DESC_NONE);
    l4_printf("%s: send to %s: %s, after %u us\n", who, to, outcome_text(r.ipc, outcome), (unsigned)r.elapsed_us);
    l4_sleep_forever();
}

static void del(const char *name, l4_word at)
{
    sleep_until(at);
    l4_word r = l4_thread_control(id(name), L4_NILTHREAD, 0, 0);
    l4_printf("boss: delete %s at %u: %u\n", name, (unsigned)at, (unsigned)r);
}

/* 1: path monitor deleted while it holds the IPC */
static void c1(void) { send_and_print("c1", "s1", SLOT(1)); }
static void m1(void) { struct intercepted m; monitor_wait(&m); print_intercepted("m1", &m); l4_sleep_forever(); }

/* 2: blocked source deleted while held by its controller */
static void c2(void) { send_and_print("c2", "s2", SLOT(2)); }
static void k2(void)
{
    struct intercepted m;
    l4_thread_id c2id = id("c2");
    monitor_wait(&m);
    print_intercepted("k2", &m);
    print_result("k2", "option 6", forward(&m, m.intended_receiver, deceit_controlled_by_me()));
    monitor_wait(&m); print_notification("k2", &m);
    monitor_wait(&m); print_notification("k2", &m);
    print_result("k2", "option 3 to deleted c2", unblock(c2id));
    print_result("k2", "option 1 to deleted c2", fail_blocked_source(c2id, 7));
    l4_sleep_forever();
}

/* 3: controlling monitor deleted while the source is held after final delivery */
static void c3(void) { send_and_print("c3", "s3", SLOT(3)); }
static void k3(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_result("k3", "option 6", forward(&m, m.intended_receiver, deceit_controlled_by_me()));
    monitor_wait(&m); print_notification("k3", &m);
    l4_sleep_forever();
}

/* 4: final receiver deleted after the M4 check passed, while m4 holds the IPC */
static void c4(void) { send_and_print("c4", "s4", SLOT(4)); }
static void m4(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_intercepted("m4", &m);
    sleep_until(SLOT(4) + 500);
    l4_ipc_result r = forward(&m, m.intended_receiver, deceit());
    print_result("m4", "forward to deleted s4", r);
    print_result("m4", "option 1 code 2", fail_blocked_source(m.blocked_source, 2));
    l4_sleep_forever();
}

/* 5: source waiting at the M4 check, final receiver deleted */
static void c5(void) { send_and_print("c5", "s5", SLOT(5)); }
static void m5(void) { struct intercepted m; monitor_wait(&m); print_intercepted("m5 (unexpected)", &m); l4_sleep_forever(); }

/* 6: rule added while the source waits at the M4 check */
static void c6(void) { send_and_print("c6", "s6", SLOT(6)); }
static void m6a(void) { struct intercepted m; monitor_wait(&m); print_intercepted("m6a", &m); print_result("m6a", "forward", pass_through(&m)); l4_sleep_forever(); }
static void m6b(void) { struct intercepted m; monitor_wait(&m); print_intercepted("m6b", &m); print_result("m6b", "forward", pass_through(&m)); l4_sleep_forever(); }

/* 7: rule removed while the source waits at the M4 check */
static void c7(void) { send_and_print("c7", "s7", SLOT(7)); }
static void m7(void) { struct intercepted m; monitor_wait(&m); print_intercepted("m7", &m); print_result("m7", "forward after its rule was removed", pass_through(&m)); l4_sleep_forever(); }

/* 8: rule removed while the controller holds the source */
static void c8(void) { send_and_print("c8", "s8", SLOT(8)); }
static void k8(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_result("k8", "option 6", forward(&m, m.intended_receiver, deceit_controlled_by_me()));
    monitor_wait(&m); print_notification("k8", &m);
    sleep_until(SLOT(8) + 500);
    print_result("k8", "option 3 after its rule was removed", unblock(notification_of(&m).blocked_source));
    l4_sleep_forever();
}

/* 9: the next hop monitor deleted while a forward into it waits */
static void c9(void) { send_and_print("c9", "s9", SLOT(9)); }
static void m9a(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_intercepted("m9a", &m);
    print_result("m9a", "forward into m9b (busy, then deleted)", forward(&m, m.intended_receiver, deceit()));
    print_result("m9a", "option 1 code 9", fail_blocked_source(m.blocked_source, 9));
    l4_sleep_forever();
}
static void m9b(void) { l4_sleep_forever(); }

/* 10: controlling monitor deleted while another path monitor holds the IPC (before delivery) */
static void c10(void) { send_and_print("c10", "s10", SLOT(10)); }
static void k10(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_result("k10", "option 6", forward(&m, m.intended_receiver, deceit_controlled_by_me()));
    l4_sleep_forever();
}
static void m10(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_intercepted("m10", &m);
    sleep_until(SLOT(10) + 500);
    print_result("m10", "forward after controller deleted", forward(&m, m.intended_receiver, deceit()));
    l4_sleep_forever();
}

/* 11: the source deleted while waiting at the M4 check with monitors on the path */
static void c11(void) { send_and_print("c11", "s11", SLOT(11)); }
static void m11(void) { struct intercepted m; monitor_wait(&m); print_intercepted("m11 (unexpected)", &m); l4_sleep_forever(); }

/* 12: the blocked source deleted while a path monitor holds it: the monitor's forward */
static void c12(void) { send_and_print("c12", "s12", SLOT(12)); }
static void m12(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_intercepted("m12", &m);
    sleep_until(SLOT(12) + 500);
    print_result("m12", "forward for deleted c12", forward(&m, m.intended_receiver, deceit()));
    print_result("m12", "option 1 to deleted c12", fail_blocked_source(m.blocked_source, 1));
    l4_sleep_forever();
}

/* 13: the source deleted while its controller's option 6 forward waits at the M4 check */
static void c13(void) { send_and_print("c13", "s13", SLOT(13)); }
static void k13(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_intercepted("k13", &m);
    print_result("k13", "option 6 into s13 (not ready; c13 deleted meanwhile)", forward(&m, m.intended_receiver, deceit_controlled_by_me()));
    l4_ipc_result r = monitor_wait(&m);
    if (l4_ipc_failed(r)) print_result("k13", "wait", r); else print_notification("k13", &m);
    l4_sleep_forever();
}

static void sink_print(const char *who, l4_word wait_at)
{
    sleep_until(wait_at);
    for (;;) {
        l4_ipc_result r = l4_wait();
        print_message(who, r);
    }
}
static void s1(void) { sink_print("s1", 0); }
static void s2(void) { sink_print("s2", 0); }
static void s3(void) { sink_print("s3", 0); }
static void s4(void) { sink_print("s4", 0); }
static void s5(void) { l4_sleep_forever(); }
static void s6(void) { sink_print("s6", SLOT(6) + 500); }
static void s7(void) { sink_print("s7", SLOT(7) + 500); }
static void s8(void) { sink_print("s8", 0); }
static void s9(void) { sink_print("s9", 0); }
static void s10(void) { sink_print("s10", 0); }
static void s11(void) { l4_sleep_forever(); }
static void s12(void) { sink_print("s12", 0); }
static void s13(void)
{
    sleep_until(SLOT(13) - 20);
    print_message("s13 (ready at the send, then leaves)", l4_wait_timeout(l4_timeout_us(35)));
    sink_print("s13", SLOT(13) + 600);
}

static void boss(void)
{
    del("m1", SLOT(1) + 300);
    del("c2", SLOT(2) + 300);
    del("k3", SLOT(3) + 300);
    del("s4", SLOT(4) + 300);
    del("s5", SLOT(5) + 300);
    sleep_until(SLOT(6) + 200);
    l4_printf("boss: add m6b: %u\n", (unsigned)l4_redirect(L4_REDIRECT_ADD | L4_MONITOR_CLASS_SYSTEM, id("c6"), id("s6"), id("m6b")));
    sleep_until(SLOT(7) + 200);
    l4_printf("boss: remove m7: %u\n", (unsigned)l4_redirect(L4_REDIRECT_REMOVE, id("c7"), id("s7"), id("m7")));
    sleep_until(SLOT(8) + 200);
    l4_printf("boss: remove k8: %u\n", (unsigned)l4_redirect(L4_REDIRECT_REMOVE, id("c8"), id("s8"), id("k8")));
    del("m9b", SLOT(9) + 300);
    del("k10", SLOT(10) + 300);
    del("c11", SLOT(11) + 300);
    del("c12", SLOT(12) + 300);
    del("c13", SLOT(13) + 300);
    sleep_until(SLOT(14));
    l4_printf("boss: done\n");
    l4_shutdown(0);
}

static const struct role roles[] = {
    {"boss", boss},
    {"c1", c1}, {"m1", m1}, {"s1", s1},
    {"c2", c2}, {"k2", k2}, {"s2", s2},
    {"c3", c3}, {"k3", k3}, {"s3", s3},
    {"c4", c4}, {"m4", m4}, {"s4", s4},
    {"c5", c5}, {"m5", m5}, {"s5", s5},
    {"c6", c6}, {"m6a", m6a}, {"m6b", m6b}, {"s6", s6},
    {"c7", c7}, {"m7", m7}, {"s7", s7},
    {"c8", c8}, {"k8", k8}, {"s8", s8},
    {"c9", c9}, {"m9a", m9a}, {"m9b", m9b}, {"s9", s9},
    {"c10", c10}, {"k10", k10}, {"m10", m10}, {"s10", s10},
    {"c11", c11}, {"m11", m11}, {"s11", s11},
    {"c12", c12}, {"m12", m12}, {"s12", s12},
    {"c13", c13}, {"k13", k13}, {"s13", s13},
};

int main(void) { PLAY_MY_ROLE(roles); }
