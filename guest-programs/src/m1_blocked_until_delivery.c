/*
 * M1 The blocked source stays blocked while its IPC travels through monitors and is unblocked
 * when the final destination receives it, not when a monitor does. A monitor's own forwarding
 * send completes when its next hop receives, as an ordinary IPC.
 *
 * Part 1: `slow` (system monitor of client -> server) waits SLOW_US before forwarding. The
 * client's send must take at least that long and return no earlier than the server received,
 * which the server reports back in a message (server -> client is not monitored).
 * Part 2: on client -> server2, `fast` forwards at once to `busy`, which starts receiving only
 * at BUSY_READY_AT_US; fast's forward must complete then, as must the client's send.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define SLOW_US 2000
#define BUSY_READY_AT_US 3000
#define LABEL_PART1 0x11
#define LABEL_PART2 0x12
#define LABEL_REPORT 0x13

static void slow_redirected(const struct intercepted *message)
{
    l4_sleep(SLOW_US);
    pass_through(message);
}

static void slow(void)
{
    run_monitor(slow_redirected, 0);
}

static void fast_redirected(const struct intercepted *message)
{
    struct timed_result forwarded = untimed(pass_through(message));
    l4_u64 completed = now_us();
    expect_ipc("M1 fast: forward to busy, which is not yet receiving", forwarded,
               succeeds(unmeasured()));
    expect_yes("M1 fast: the forward completed only once busy started receiving",
               completed >= BUSY_READY_AT_US);
}

static void fast(void)
{
    run_monitor(fast_redirected, 0);
}

static void busy(void)
{
    sleep_until(BUSY_READY_AT_US);
    run_monitor(forward_unchanged, 0);
}

/* Receives one message and reports when it was received to the client. */
static void server(void)
{
    l4_ipc_result received = l4_wait();
    l4_u64 at = now_us();
    l4_word report[] = { (l4_word)at, (l4_word)(at >> 32), received.dope };
    l4_load_message(LABEL_REPORT, sizeof report / sizeof report[0], report);
    l4_send(received.from);
    l4_sleep_forever();
}

static void client(void)
{
    settle();
    l4_load_message(LABEL_PART1, 0, 0);
    struct timed_result sent = timed_ipc(l4_lookup("server"), L4_NILTHREAD, 0, L4_SND_DESC_NONE);
    l4_u64 returned = now_us();
    l4_receive(l4_lookup("server"));
    l4_u64 received_at = (l4_u64)l4_mr(2) << 32 | l4_mr(1);
    expect_ipc("M1 client: send through a monitor that waits 2000 us before forwarding", sent,
               succeeds(about(SLOW_US)));
    expect_yes("M1 client: the send took at least the monitor's 2000 us",
               sent.elapsed_us >= SLOW_US);
    expect_yes("M1 client: the send returned no earlier than the server received",
               returned >= received_at);

    l4_load_message(LABEL_PART2, 0, 0);
    expect_ipc("M1 client: send through fast and busy", untimed(l4_send(l4_lookup("server2"))),
               succeeds(unmeasured()));
    expect_yes("M1 client: that send completed only once busy started receiving",
               now_us() >= BUSY_READY_AT_US);
    settle();
    finish("M1");
}

static const struct role roles[] = {
    { "client", client }, { "slow", slow }, { "fast", fast }, { "busy", busy }, { "server", server },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
