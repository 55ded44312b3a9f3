/*
 * M4 with R3 and R5: a forward that took over a source waiting at the M4 check keeps the
 * source's send deadline only where it waits at the check. Its hop into a source-class monitor
 * has no timeout ("source-class monitors receive at once, with no timeout"); the check, under
 * the source's send timeout, comes when the last of them forwards.
 *
 * mon is the system monitor of client -> server and a source monitor of client -> server2,
 * followed there by srcmon2 (source). The server never receives (idle), so the client's send
 * waits at the M4 check. mon takes it over with option 5 and forwards it to server2 (R5): it goes on into
 * srcmon2, which is busy until SRCMON2_READY_US, long past the client's send timeout. srcmon2
 * then forwards it, server2 is ready, and final delivery releases the client (M2).
 *
 *   1000  client -> server, 1000 us send timeout; waits at the M4 check
 *   1100  mon: option 5 naming the client, to server2, no send timeout
 *   2000  the client's deadline: nothing happens
 *   3000  srcmon2 receives mon's message (mon's forward completes), forwards it to server2;
 *         server2 receives it as the client's, and the client's send completes
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define CLIENT_SEND_US 1000
#define SEND_TIMEOUT_US 1000
#define TAKE_OVER_US 1100
#define SRCMON2_READY_US 3000
#define DONE_US 5000
#define LABEL_CLIENT 0x40
#define LABEL_MON 0x45

static void client(void)
{
    sleep_until(CLIENT_SEND_US);
    l4_load_message(LABEL_CLIENT, 0, 0);
    expect_ipc("M4 client: send to server, 1000 us send timeout, taken over into a busy source monitor",
               timed_send(l4_lookup("server"), l4_timeout_us(SEND_TIMEOUT_US), L4_SND_DESC_NONE),
               succeeds(at_least(SRCMON2_READY_US - CLIENT_SEND_US)));
    sleep_until(DONE_US);
    finish("M4");
}

static void mon(void)
{
    sleep_until(TAKE_OVER_US);
    l4_u64 start = now_us();
    l4_ipc_result result = forward_own(l4_lookup("server2"), LABEL_MON, LABEL_MON,
                                       taking_over(l4_lookup("client")));
    expect_ipc("M4 mon: option 5 taking over the client at the M4 check, to server2 through srcmon2",
               (struct timed_result){ result, now_us() - start },
               succeeds(at_least(SRCMON2_READY_US - TAKE_OVER_US)));
    l4_sleep_forever();
}

static void srcmon2_redirected(const struct intercepted *message)
{
    print_intercepted("M4 srcmon2", message);
    print_result("M4 srcmon2", "forward to server2", pass_through(message));
}

static void srcmon2(void)
{
    sleep_until(SRCMON2_READY_US);
    run_monitor(srcmon2_redirected, 0);
}

static const struct role roles[] = {
    { "client", client },
    { "mon", mon },
    { "srcmon2", srcmon2 },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
