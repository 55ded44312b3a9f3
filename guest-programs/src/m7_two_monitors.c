/*
 * M7 An unreliable send (option 0) through two system monitors: the client is released when the
 * first monitor receives (M7), which sees dope 0x11 (R, option 0) and no blocked source; the
 * second sees the first's option 4 and no blocked source either, but the delay timeout the
 * client gave (R2, M5); its option 1 or 3 to the released client is error 6 (M9); the server
 * receives a plain message from the client (R4). A second unreliable send whose delay timeout
 * (300 us) runs out while the second monitor holds it: the second monitor's forward gets error
 * 5, the server receives nothing, the client learns nothing.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"

static void view(const char *who, const struct intercepted *m)
{
    char a[L4_NAME_SIZE], b[L4_NAME_SIZE], c[L4_NAME_SIZE], d[L4_NAME_SIZE];
    l4_printf("%s: label 0x%x from %s dope 0x%x ir %s bs %s cm %s delay set %d\n", who, message_label(m),
              thread_text(m->received.from, a), m->received.dope, thread_text(m->intended_receiver, b),
              thread_text(m->blocked_source, c), thread_text(m->controlling_monitor, d), m->delay_remaining_us > 0);
}

static void client(void)
{
    static struct l4_ipc_params p __attribute__((aligned(16)));
    char o[OUTCOME_TEXT_SIZE];
    l4_thread_id server = l4_lookup("server");
    settle();
    p.delay_timeout_us = 5000;
    l4_load_message(0x51, 1, (l4_word[]){ 9 });
    l4_ipc_result r = l4_ipc(server, L4_NILTHREAD, 0, l4_snd_desc_option(L4_OPTION_UNRELIABLE, &p));
    l4_printf("client: unreliable send 0x51: %s\n", outcome_text(r, o));
    l4_sleep(3000);
    p.delay_timeout_us = 300;
    l4_load_message(0x52, 1, (l4_word[]){ 10 });
    r = l4_ipc(server, L4_NILTHREAD, 0, l4_snd_desc_option(L4_OPTION_UNRELIABLE, &p));
    l4_printf("client: unreliable send 0x52: %s\n", outcome_text(r, o));
    l4_sleep(3000);
    l4_printf("client: done\n");
    l4_shutdown(0);
}

static void first_redirected(const struct intercepted *m)
{
    view("first", m);
    char o[OUTCOME_TEXT_SIZE];
    l4_printf("first: forward: %s\n", outcome_text(forward(m, m->intended_receiver, deceit()), o));
}

static void second_redirected(const struct intercepted *m)
{
    view("second", m);
    char o[OUTCOME_TEXT_SIZE];
    l4_thread_id client_id = l4_lookup("client");
    if (message_label(m) == 0x51) {
        l4_printf("second: option 3 to the released client: %s\n", outcome_text(unblock(client_id), o));
        l4_printf("second: option 1 to the released client: %s\n", outcome_text(fail_blocked_source(client_id, 5), o));
    } else {
        l4_sleep(500);
    }
    l4_printf("second: forward: %s\n", outcome_text(forward(m, m->intended_receiver, deceit()), o));
}

static void first(void) { run_monitor(first_redirected, 0); }
static void second(void) { run_monitor(second_redirected, 0); }

static const struct role roles[] = { { "client", client }, { "first", first }, { "second", second } };

int main(void)
{
    PLAY_MY_ROLE(roles);
}
