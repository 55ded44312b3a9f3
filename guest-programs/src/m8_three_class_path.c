/*
 * M8 One path with a monitor of each class: client -> server passes mon1 (source class), mon2
 * (system) and mon3 (destination class), in that order (R1), each seeing R, D and the option its
 * forwarder used, and the in-flight IPC's words (R2): the blocked source, the controlling monitor
 * mon2 set with option 6, a delay timeout.
 * Round 1: delivery to mon3, the first destination monitor, is final delivery (M8): mon2, the
 * controlling monitor, is notified with MR3 = mon3 and holds the client 300 us (M6); the server
 * receives the message as the client's (R4).
 * Round 2: mon3 is busy: the client's send timeout (100 us) runs out against it, the final
 * receiver (M4), counted from mon1's forward; mon1 gets error 1 too, and mon2 never sees it.
 * Round 3: without a controlling monitor the client is released when mon3 receives; mon3's
 * option 1 to it afterwards is error 6 (M9: no longer a blocked source).
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"

static void view(const char *who, const struct intercepted *m)
{
    char a[L4_NAME_SIZE], b[L4_NAME_SIZE], c[L4_NAME_SIZE], d[L4_NAME_SIZE];
    l4_word u = m->words[0] & 63;
    l4_printf("%s: label 0x%x from %s dope 0x%x ir %s bs %s cm %s delay>0 %d delay<=5000 %d u %u words %u %u %u\n", who,
              message_label(m), thread_text(m->received.from, a), m->received.dope,
              thread_text(m->intended_receiver, b), thread_text(m->blocked_source, c),
              thread_text(m->controlling_monitor, d), m->delay_remaining_us > 0, m->delay_remaining_us <= 5000,
              u, u > 0 ? m->words[1] : 0, u > 1 ? m->words[2] : 0, u > 2 ? m->words[3] : 0);
}

static void client(void)
{
    l4_thread_id server = l4_lookup("server");
    static struct l4_ipc_params p __attribute__((aligned(16)));
    char o[OUTCOME_TEXT_SIZE];
    settle();
    /* round 1 */
    p.delay_timeout_us = 5000;
    l4_load_message(0x31, 3, (l4_word[]){ 1, 2, 3 });
    l4_u64 t0 = l4_system_clock();
    l4_ipc_result r = l4_ipc(server, L4_NILTHREAD, 0, l4_snd_desc(&p));
    l4_u64 t1 = l4_system_clock();
    l4_printf("client: round 1: %s, held >= 300 us: %d\n", outcome_text(r, o), t1 - t0 >= 300);
    /* round 2: mon3 busy for 2000 us after round 1: M4 against the destination monitor */
    l4_load_message(0x32, 1, (l4_word[]){ 4 });
    t0 = l4_system_clock();
    r = l4_ipc(server, L4_NILTHREAD, l4_timeouts(l4_timeout_us(100), 0), 0);
    t1 = l4_system_clock();
    l4_printf("client: round 2: %s, after 100..200 us: %d\n", outcome_text(r, o), t1 - t0 >= 100 && t1 - t0 <= 200);
    l4_sleep(3000);
    /* round 3: delivery to mon3 is final delivery */
    l4_load_message(0x33, 1, (l4_word[]){ 5 });
    r = l4_ipc(server, L4_NILTHREAD, 0, 0);
    l4_printf("client: round 3: %s\n", outcome_text(r, o));
    l4_sleep(1000);
    l4_printf("client: done\n");
    l4_shutdown(0);
}

static void mon1_redirected(const struct intercepted *m)
{
    view("mon1", m);
    l4_ipc_result r = forward(m, m->intended_receiver, deceit());
    char o[OUTCOME_TEXT_SIZE];
    l4_printf("mon1: forward of 0x%x: %s\n", message_label(m), outcome_text(r, o));
}

static void mon2_redirected(const struct intercepted *m)
{
    view("mon2", m);
    struct forwarding how = message_label(m) == 0x31 ? deceit_controlled_by_me() : deceit();
    if (message_label(m) == 0x31) how.delay_timeout_us = 4000;
    l4_ipc_result r = forward(m, m->intended_receiver, how);
    char o[OUTCOME_TEXT_SIZE];
    l4_printf("mon2: forward of 0x%x: %s\n", message_label(m), outcome_text(r, o));
}

static void mon2_notified(const struct intercepted *m)
{
    print_notification("mon2", m);
    l4_sleep(300);
    print_result("mon2", "unblocking", unblock(notification_of(m).blocked_source));
}

static void mon3_redirected(const struct intercepted *m)
{
    view("mon3", m);
    char o[OUTCOME_TEXT_SIZE];
    if (message_label(m) == 0x33) {
        l4_sleep(200);
        l4_ipc_result r = fail_blocked_source(l4_lookup("client"), 0x77);
        l4_printf("mon3: option 1 to the client after final delivery: %s\n", outcome_text(r, o));
        return;
    }
    l4_ipc_result r = forward(m, m->intended_receiver, deceit());
    l4_printf("mon3: forward of 0x%x: %s\n", message_label(m), outcome_text(r, o));
    if (message_label(m) == 0x31)
        l4_sleep(2000);
}

static void mon1(void) { run_monitor(mon1_redirected, 0); }
static void mon2(void) { run_monitor(mon2_redirected, mon2_notified); }
static void mon3(void) { run_monitor(mon3_redirected, 0); }

static const struct role roles[] = {
    { "client", client }, { "mon1", mon1 }, { "mon2", mon2 }, { "mon3", mon3 },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
