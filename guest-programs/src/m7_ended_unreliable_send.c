/*
 * M7 with M4 and R3: an unreliable send (option 0) that ended with an error before any hop
 * released it is over. M7 releases the source when the first hop receives; until then the send
 * waits like any other, and may end like any other. A later forward naming its source is the
 * monitor's own send under the monitor's own timeouts (R3), not the ended IPC going on.
 *
 * client -> server passes srcmon (source). srcmon is busy (asleep) when the client sends, so the
 * unreliable send waits for it. srcmon then takes the waiting send over with option 5 (R3, M9);
 * the server is not ready until SERVER_READY_US, so the M4 check, made with the client's send
 * timeout as the last source monitor forwards, times out: for the client and for srcmon's
 * forward. srcmon's next forward, option 4 claiming the
 * client with no send timeout, waits for the server and delivers.
 *
 *   1000  client: unreliable send, 500 us send timeout; srcmon asleep
 *   1200  srcmon: option 5 naming the client, no send timeout; the server is not ready
 *   1700  client and srcmon: error 1, phase send (M4)
 *   2000  srcmon: option 4 claiming the client, no send timeout
 *   3000  the server receives srcmon's message as the client's; srcmon's forward completes
 *
 * srcmon makes the checks that decide the case and gives the verdict; the client's check is its
 * own task's, and shows as an "  expected" line if it fails.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define CLIENT_SEND_US 1000
#define SEND_TIMEOUT_US 500
#define TAKE_OVER_US 1200
#define FORWARD_AGAIN_US 2000
#define SERVER_READY_US 3000
#define SERVER_QUIET_US 1000 /* how long the server waits for anything more */
#define DONE_US 5000
#define LABEL_CLIENT 0x70
#define LABEL_TAKE_OVER 0x75
#define LABEL_AGAIN 0x74

static struct timed_result forward_own_timed(l4_word label, struct forwarding how)
{
    l4_u64 start = now_us();
    l4_ipc_result result = forward_own(l4_lookup("server"), label, label, how);
    return (struct timed_result){ result, now_us() - start };
}

static void client(void)
{
    sleep_until(CLIENT_SEND_US);
    l4_load_message(LABEL_CLIENT, 0, 0);
    expect_ipc("M7 client: unreliable send, 500 us send timeout, its source monitor busy",
               timed_send(l4_lookup("server"), l4_timeout_us(SEND_TIMEOUT_US),
                          l4_snd_desc_option(L4_OPTION_UNRELIABLE, 0)),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND,
                     at_least(TAKE_OVER_US + SEND_TIMEOUT_US - CLIENT_SEND_US)));
    l4_sleep_forever();
}

static void srcmon(void)
{
    l4_thread_id client = l4_lookup("client");
    sleep_until(TAKE_OVER_US);
    expect_ipc("M7 srcmon: option 5 taking over the client's waiting unreliable send, no send timeout",
               forward_own_timed(LABEL_TAKE_OVER, taking_over(client)),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, at_least(SEND_TIMEOUT_US)));
    sleep_until(FORWARD_AGAIN_US);
    struct forwarding claiming_client = deceit();
    claiming_client.true_source = client;
    expect_ipc("M7 srcmon: option 4 claiming the client after its send ended, no send timeout",
               forward_own_timed(LABEL_AGAIN, claiming_client),
               succeeds(at_least(SERVER_READY_US - FORWARD_AGAIN_US)));
    sleep_until(DONE_US);
    finish("M7");
}

static void server(void)
{
    sleep_until(SERVER_READY_US);
    print_message("M7 server", l4_wait());
    print_message("M7 server", l4_wait_timeout(l4_timeout_us(SERVER_QUIET_US)));
    l4_sleep_forever();
}

static const struct role roles[] = {
    { "client", client },
    { "srcmon", srcmon },
    { "server", server },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
