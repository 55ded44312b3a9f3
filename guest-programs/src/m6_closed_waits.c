/*
 * M6 Where a controller notification is delivered, and closed waits on a monitored path.
 * A system monitor takes the client's redirected IPC in a closed wait on the client (R2: it
 * comes from the client); the server takes the monitor's deceit forward in a closed wait on the
 * client (R4: as the direct send), and a closed wait on the monitor does not match it. The
 * notification of final delivery is not taken by the monitor's closed wait on the server, but by
 * its next open wait, a zero-timeout poll included (M6), and before a sender already queued.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

static void client(void)
{
    char o[OUTCOME_TEXT_SIZE];
    l4_thread_id server = l4_lookup("server");
    sleep_until(1000);
    l4_load_message(0x41, 1, (l4_word[]){ 7 });
    l4_ipc_result r = l4_ipc(server, L4_NILTHREAD, l4_timeouts(l4_timeout_us(3000), 0), 0);
    l4_printf("client: send 0x41: %s\n", outcome_text(r, o));
    sleep_until(5000);
    l4_load_message(0x42, 1, (l4_word[]){ 8 });
    r = l4_ipc(server, L4_NILTHREAD, l4_timeouts(l4_timeout_us(3000), 0), 0);
    l4_printf("client: send 0x42: %s, released after 9000 us: %d\n", outcome_text(r, o), now_us() >= 9000);
    sleep_until(12000);
    l4_shutdown(0);
}

static void mon(void)
{
    char o[OUTCOME_TEXT_SIZE], a[L4_NAME_SIZE], b[L4_NAME_SIZE];
    l4_thread_id client_id = l4_lookup("client");
    struct intercepted m;
    /* 1: receive the redirected IPC in a closed wait on the client */
    l4_ipc_result r = l4_receive_timeout(client_id, l4_timeout_us(3000));
    l4_printf("mon: closed wait on client: %s from %s dope 0x%x label 0x%x ir %s\n", outcome_text(r, o),
              thread_text(r.from, a), r.dope, l4_mr(0) >> 16, thread_text(l4_intended_receiver(), b));
    m.received = r;
    m.intended_receiver = l4_intended_receiver();
    m.blocked_source = l4_blocked_source();
    for (int i = 0; i < 2; i++) m.words[i] = l4_mr(i);
    r = forward(&m, m.intended_receiver, deceit_controlled_by_me());
    l4_printf("mon: forward with option 6: %s\n", outcome_text(r, o));
    /* 2: a closed wait on the server must not take the notification */
    r = l4_receive_timeout(l4_lookup("server"), l4_timeout_us(500));
    l4_printf("mon: closed wait on server: %s dope 0x%x\n", outcome_text(r, o), r.dope);
    /* 3: a zero-timeout open wait (poll) takes it */
    r = l4_wait_timeout(L4_TIMEOUT_ZERO);
    l4_printf("mon: poll: %s from %s dope 0x%x MR0 0x%x MR1 %s\n", outcome_text(r, o), thread_text(r.from, a), r.dope,
              l4_mr(0), thread_text(l4_mr(1), b));
    l4_sleep(200);
    print_result("mon", "unblocking", unblock(client_id));
    /* second message: the client sends while mon has a queued sender and a notification */
    monitor_wait(&m);
    print_intercepted("mon", &m);
    r = forward(&m, m.intended_receiver, deceit_controlled_by_me());
    l4_printf("mon: forward 0x42 with option 6: %s\n", outcome_text(r, o));
    sleep_until(9000);
    /* notification pending; the server2 sender is queued too (it sends at 8000 to mon) */
    r = l4_wait();
    l4_printf("mon: first open wait after: from %s dope 0x%x MR0 0x%x\n", thread_text(r.from, a), r.dope, l4_mr(0));
    r = l4_wait();
    l4_printf("mon: second open wait after: from %s dope 0x%x MR0 0x%x\n", thread_text(r.from, a), r.dope, l4_mr(0));
    print_result("mon", "unblocking", unblock(client_id));
    l4_sleep_forever();
}

static void server(void)
{
    char o[OUTCOME_TEXT_SIZE], a[L4_NAME_SIZE];
    l4_thread_id client_id = l4_lookup("client");
    l4_ipc_result r = l4_receive_timeout(client_id, l4_timeout_us(5000));
    l4_printf("server: closed wait on client: %s from %s dope 0x%x label 0x%x word %u\n", outcome_text(r, o),
              thread_text(r.from, a), r.dope, l4_mr(0) >> 16, l4_mr(1));
    /* now a closed wait on the monitor: the forward claims the client, so it must not match */
    r = l4_receive_timeout(l4_lookup("mon"), l4_timeout_us(2500));
    l4_printf("server: closed wait on mon: %s from %s\n", outcome_text(r, o), thread_text(r.from, a));
    r = l4_receive_timeout(client_id, l4_timeout_us(5000));
    l4_printf("server: closed wait on client again: %s from %s label 0x%x\n", outcome_text(r, o),
              thread_text(r.from, a), l4_mr(0) >> 16);
    sleep_until(8000);
    l4_load_message(0x43, 0, 0);
    r = l4_send_timeout(l4_lookup("mon"), l4_timeout_us(3000));
    l4_printf("server: own send to mon: %s\n", outcome_text(r, o));
    l4_sleep_forever();
}

static const struct role roles[] = { { "client", client }, { "mon", mon }, { "server", server } };

int main(void)
{
    PLAY_MY_ROLE(roles);
}
