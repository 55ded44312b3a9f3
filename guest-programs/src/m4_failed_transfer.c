/*
 * M4, a final delivery whose transfer fails (docs/semantics.md): an IPC passes the M4 check
 * only when it gets past its final receiver's side. A forward whose map item cannot be applied
 * (S5: the final receiver opened no receive window, error 4 for both) has not passed it, so the
 * source monitor's next forward of the same IPC, to another destination, is checked again,
 * against its own final receiver, with the source's send timeout counted from that forward.
 *
 * `smon` is the source monitor of everything `client` sends; `sysmon` the system monitor of
 * client -> server2. `server1` waits for anyone with no receive window; `server2` waits for
 * server1 only, so it is never ready for the client.
 *
 *   ~100  client sends to server1 with a 500 us send timeout; smon takes it at once and
 *         forwards it with a map item to server1: error 4 for smon and server1, the client
 *         waits on; smon forwards it again, unchanged, to server2: the IPC waits before
 *         sysmon for server2, and at 500 us the client and smon get error 1. sysmon sees
 *         nothing.
 */
#include <l4.h>
#include "common/expect.h"
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define CLIENT_START_US 100
#define SEND_TIMEOUT_US 500
#define LABEL_E 0xE1
#define MONITOR_WORK_US 100 /* what the monitors' own printing and forwarding may add */

/* A page of smon's own to offer in the map item. */
static l4_word offered_page[1024] __attribute__((aligned(4096)));

static void sysmon_redirected(const struct intercepted *message)
{
    print_intercepted("M4 sysmon", message);
    pass_through(message);
}

static void sysmon(void)
{
    run_monitor(sysmon_redirected, 0);
}

static void smon_redirected(const struct intercepted *message)
{
    offered_page[0] = LABEL_E;
    struct intercepted with_item = *message;
    with_item.words[0] = l4_msg_tag_make(message_label(message), 0, 2);
    with_item.words[1] = l4_typed_item_word0(0, L4_ITEM_MAP);
    with_item.words[2] = l4_fpage_page((l4_word)offered_page, L4_RIGHTS_R);
    print_result("M4 smon", "forward with a map item to server1",
                 forward(&with_item, l4_lookup("server1"), deceit()));
    print_result("M4 smon", "forward to server2", forward(message, l4_lookup("server2"), deceit()));
}

static void smon(void)
{
    run_monitor(smon_redirected, 0);
}

static void server1(void)
{
    l4_set_receive_window(L4_FPAGE_NIL);
    print_message("M4 server1", l4_wait());
    for (;;)
        l4_sleep(1000000);
}

static void server2(void)
{
    print_message("M4 server2", l4_receive(l4_lookup("server1")));
}

static void client(void)
{
    sleep_until(CLIENT_START_US);
    l4_load_message(LABEL_E, 0, 0);
    expect_ipc("M4 e: 500 us send timeout, the first forward's transfer failed, the second waits for server2",
               timed_ipc(l4_lookup("server1"), L4_NILTHREAD,
                         l4_timeouts(l4_timeout_us(SEND_TIMEOUT_US), L4_TIMEOUT_NEVER), L4_SND_DESC_NONE),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND,
                     (struct time_window){ 1, SEND_TIMEOUT_US, SEND_TIMEOUT_US + MONITOR_WORK_US,
                                           SEND_TIMEOUT_US }));
    settle();
    finish("M4");
}

static const struct role roles[] = {
    { "client", client }, { "smon", smon }, { "sysmon", sysmon },
    { "server1", server1 }, { "server2", server2 },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
