/*
 * S6 with R1-R5 and M6: page-fault IPC through system monitors. fN faults on a page its pager pgN
 * maps in its reply; each fN's fault IPC passes a monitor:
 *  1 sm1 rewrites the fault message (MR2, one more word) and forwards it with option 4: the
 *    pager gets it with the kernel flag, its map reply resumes f1, whose MRs stay as they were.
 *  2 km2 controls the fault IPC (option 6); pg2's reply (never timeout) waits until km2's
 *    option 3 starts f2's receive phase, then f2 resumes.
 *  3 sm3 sends the fault to another pager, pg3b (R5): f3's receive phase is a closed wait on
 *    its own pager, so pg3b's zero-timeout reply fails with 1 and f3 stays blocked.
 *  4 km4 ends the fault IPC with option 1 after final delivery: the fault is unresolved (f4 is
 *    stopped with a report) and pg4's reply gets 2.
 *  5 f5 is deleted while sm5 holds its fault IPC: sm5's forward gets 2.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define SLOT(n) (3000u + (n) * 1500u)
#define UNSERVED 0x50000000u
#define PAGER_PAGE 0x60000000u
#define MARK 0x5600d000u
#define PATTERN 0xA5A50000u

static l4_thread_id id(const char *name) { return l4_lookup(name); }

static void faulter(const char *who, l4_word at)
{
    sleep_until(at);
    for (l4_word i = 0; i < L4_MR_COUNT; i++)
        l4_set_mr(i, PATTERN + i);
    l4_u64 start = now_us();
    l4_word read = *(volatile l4_word *)UNSERVED;
    l4_word bad = 0;
    for (l4_word i = 0; i < L4_MR_COUNT; i++)
        if (l4_mr(i) != PATTERN + i)
            bad++;
    l4_printf("%s: resumed after %u us, read 0x%x, MRs changed: %u\n", who, (unsigned)(now_us() - start),
              (unsigned)read, (unsigned)bad);
    l4_sleep_forever();
}

static void pager(const char *who, l4_word mark, l4_timeout reply_timeout)
{
    *(volatile l4_word *)PAGER_PAGE = mark;
    for (;;) {
        l4_ipc_result fault = l4_wait();
        char from[L4_NAME_SIZE];
        l4_printf("%s: label 0x%x from %s, dope 0x%x, u %u, MR1 0x%x, MR2 0x%x, kernel flag %s\n", who,
                  (unsigned)l4_msg_tag_label(l4_mr(0)), l4_name_of(fault.from, from), (unsigned)fault.dope,
                  (unsigned)l4_msg_tag_untyped(l4_mr(0)), (unsigned)l4_mr(1), (unsigned)l4_mr(2),
                  l4_msg_tag_is_from_kernel(l4_mr(0)) ? "yes" : "no");
        l4_set_mr(0, l4_msg_tag_make(0, 0, 2));
        l4_set_typed_item(1, L4_ITEM_MAP, UNSERVED, l4_fpage_page(PAGER_PAGE, L4_RIGHTS_RW));
        print_result(who, "map reply", l4_send_timeout(fault.from, reply_timeout));
    }
}

/* 1: monitor rewrites the fault message (MR2 and an extra word) and forwards with option 4 */
static void f1(void) { faulter("f1", SLOT(1)); }
static void pg1(void) { pager("pg1", MARK + 1, L4_TIMEOUT_ZERO); }
static void sm1(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_intercepted("sm1", &m);
    m.words[2] = 0x1234;
    m.words[3] = 0x777;
    m.words[0] = l4_msg_tag_make(l4_msg_tag_label(m.words[0]), 3, 0);
    print_result("sm1", "forward rewritten", forward(&m, m.intended_receiver, deceit()));
    l4_sleep_forever();
}

/* 2: controlling monitor on a fault IPC; pager replies with a never timeout before the release */
static void f2(void) { faulter("f2", SLOT(2)); }
static void pg2(void) { pager("pg2", MARK + 2, L4_TIMEOUT_NEVER); }
static void km2(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_result("km2", "option 6", forward(&m, m.intended_receiver, deceit_controlled_by_me()));
    monitor_wait(&m);
    print_notification("km2", &m);
    l4_sleep(300);
    print_result("km2", "option 3", unblock(notification_of(&m).blocked_source));
    l4_sleep_forever();
}

/* 3: monitor changes the fault's destination to another pager (R5) */
static void f3(void) { faulter("f3", SLOT(3)); }
static void pg3(void) { pager("pg3 (unexpected)", MARK + 3, L4_TIMEOUT_ZERO); }
static void pg3b(void) { pager("pg3b", MARK + 0x3b, L4_TIMEOUT_ZERO); }
static void sm3(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_intercepted("sm3", &m);
    print_result("sm3", "forward to pg3b", forward(&m, id("pg3b"), deceit()));
    l4_sleep_forever();
}

/* 4: controller on a fault IPC ends it with option 1 after final delivery; the pager's reply */
static void f4(void) { faulter("f4", SLOT(4)); }
static void pg4(void) { pager("pg4", MARK + 4, l4_timeout_us(1000)); }
static void km4(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_result("km4", "option 6", forward(&m, m.intended_receiver, deceit_controlled_by_me()));
    monitor_wait(&m);
    print_notification("km4", &m);
    print_result("km4", "option 1", fail_blocked_source(notification_of(&m).blocked_source, 0x44));
    l4_sleep_forever();
}

/* 5: the faulting thread deleted while its fault IPC is held by a monitor */
static void f5(void) { faulter("f5", SLOT(5)); }
static void pg5(void) { pager("pg5 (unexpected)", MARK + 5, L4_TIMEOUT_ZERO); }
static void sm5(void)
{
    struct intercepted m;
    monitor_wait(&m);
    print_intercepted("sm5", &m);
    l4_sleep(500);
    print_result("sm5", "forward for deleted f5", forward(&m, m.intended_receiver, deceit()));
    l4_sleep_forever();
}

static void boss(void)
{
    sleep_until(SLOT(5) + 200);
    l4_printf("boss: delete f5: %u\n", (unsigned)l4_thread_control(id("f5"), L4_NILTHREAD, 0, 0));
    sleep_until(SLOT(7));
    l4_printf("boss: done\n");
    l4_shutdown(0);
}

static const struct role roles[] = {
    {"boss", boss},
    {"f1", f1}, {"pg1", pg1}, {"sm1", sm1},
    {"f2", f2}, {"pg2", pg2}, {"km2", km2},
    {"f3", f3}, {"pg3", pg3}, {"pg3b", pg3b}, {"sm3", sm3},
    {"f4", f4}, {"pg4", pg4}, {"km4", km4},
    {"f5", f5}, {"pg5", pg5}, {"sm5", sm5},
};

int main(void) { PLAY_MY_ROLE(roles); }
