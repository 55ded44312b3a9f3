/*
 * M4 The send timeout is checked against the final receiver, not the monitors. The IPC waits
 * before the first system monitor until the final receiver is ready; if that takes longer than
 * the send timeout, the source gets error 1 and no further monitor sees the IPC. Past that
 * point, hops into system monitors never time out for the source. Source-class monitors
 * receive at once with no timeout; the check, with the source's timeout, is made when the last
 * of them forwards (and the forwarding monitor gets error 1 too, docs/spec-decisions.md).
 *
 * `sysmon` (system monitor of client and client2 -> server) starts receiving only at
 * SYSMON_START_US and prints every IPC it sees. `srcmon` (source monitor of client2 -> server)
 * holds each message SRCMON_HOLD_US before forwarding it. The server works SERVER_WORK_US after
 * each SLEEPY message, so it is not ready then. `client2` sends when the client tells it to and
 * reports the outcome, so the client prints every result.
 *
 *   ~100   a  client, zero timeout, server ready, sysmon not yet waiting: succeeds at ~1000
 *   ~1000  b  client, 500 us and zero timeouts, server working: error 1, sysmon sees nothing
 *   ~1500  c  client, 5000 us timeout: succeeds once the server is ready, at ~4000
 *   ~4000  d1 client2, 500 us timeout: srcmon takes it at once, forwards at ~5000, the server
 *             is working until ~7000: error 1 at ~5500, for client2 and srcmon
 *   ~5500  d2 client2, zero timeout: srcmon takes it anyway, forwards at ~6500: error 1
 *   ~6500  d3 client2, zero timeout: srcmon forwards at ~7500, the server is ready: succeeds
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define CLIENT_START_US 100
#define SYSMON_START_US 1000
#define SRCMON_HOLD_US 1000
#define SERVER_WORK_US 3000
#define SHORT_TIMEOUT_US 500
#define LONG_TIMEOUT_US 5000
#define LABEL_SLEEPY_A 0x4A
#define LABEL_B 0x4B
#define LABEL_SLEEPY_C 0x4C
#define LABEL_D1 0xD1
#define LABEL_D2 0xD2
#define LABEL_D3 0xD3
#define LABEL_ORDER 0x40
#define MONITOR_WORK_US 100 /* what the monitors' own printing and forwarding may add */

/* At least `us`, plus at most what the monitors' own work takes. */
static struct time_window after_monitors(l4_word us)
{
    return (struct time_window){ 1, us, (l4_u64)us + MONITOR_WORK_US, us };
}

static void sysmon_redirected(const struct intercepted *message)
{
    print_intercepted("M4 sysmon", message);
    pass_through(message);
}

static void sysmon(void)
{
    sleep_until(SYSMON_START_US);
    run_monitor(sysmon_redirected, 0);
}

static void srcmon_redirected(const struct intercepted *message)
{
    char what[48];
    l4_sleep(SRCMON_HOLD_US);
    l4_snprintf(what, sizeof what, "forward of label 0x%x", message_label(message));
    print_result("M4 srcmon", what, forward(message, message->intended_receiver, deceit()));
}

static void srcmon(void)
{
    run_monitor(srcmon_redirected, 0);
}

static void server(void)
{
    for (;;) {
        l4_print("M4 server: waiting\n");
        print_message("M4 server", l4_wait());
        l4_word label = l4_msg_tag_label(l4_msg_tag_current());
        if (label == LABEL_SLEEPY_A || label == LABEL_SLEEPY_C)
            l4_sleep(SERVER_WORK_US);
    }
}

/* Sends to the server as told (MR1 label, MR2 send timeout) and answers with the outcome
   (MR1 dope, MR2 elapsed us). */
static void client2(void)
{
    l4_thread_id client = l4_lookup("client");
    l4_thread_id server = l4_lookup("server");
    for (;;) {
        l4_receive(client);
        l4_word label = l4_mr(1);
        l4_timeout send = l4_mr(2);
        l4_load_message(label, 0, 0);
        struct timed_result sent = timed_ipc(server, L4_NILTHREAD,
                                             l4_timeouts(send, L4_TIMEOUT_NEVER),
                                             L4_SND_DESC_NONE);
        l4_word outcome[] = { sent.ipc.dope, (l4_word)sent.elapsed_us };
        l4_load_message(LABEL_ORDER, 2, outcome);
        l4_send(client);
    }
}

static struct timed_result send_from_client(l4_word label, l4_timeout send)
{
    l4_load_message(label, 0, 0);
    return timed_ipc(l4_lookup("server"), L4_NILTHREAD, l4_timeouts(send, L4_TIMEOUT_NEVER),
                     L4_SND_DESC_NONE);
}

static struct timed_result send_from_client2(l4_word label, l4_timeout send)
{
    l4_word order[] = { label, send };
    l4_load_message(LABEL_ORDER, 2, order);
    l4_call(l4_lookup("client2"));
    return (struct timed_result){ { L4_NILTHREAD, l4_mr(1) }, l4_mr(2) };
}

static void client(void)
{
    l4_timeout zero = L4_TIMEOUT_ZERO;
    l4_timeout short_timeout = l4_timeout_us(SHORT_TIMEOUT_US);
    sleep_until(CLIENT_START_US);
    expect_ipc("M4 a: zero send timeout, server ready, system monitor not yet waiting",
               send_from_client(LABEL_SLEEPY_A, zero),
               succeeds(after_monitors(SYSMON_START_US - CLIENT_START_US)));
    expect_ipc("M4 b: 500 us send timeout, server working",
               send_from_client(LABEL_B, short_timeout),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, expiring_after(SHORT_TIMEOUT_US)));
    expect_ipc("M4 b: zero send timeout, server working", send_from_client(LABEL_B, zero),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, at_once()));
    expect_ipc("M4 c: 5000 us send timeout, server ready within it",
               send_from_client(LABEL_SLEEPY_C, l4_timeout_us(LONG_TIMEOUT_US)),
               succeeds(unmeasured()));
    expect_ipc("M4 d1: 500 us send timeout through a source monitor that holds it 1000 us, "
               "server working",
               send_from_client2(LABEL_D1, short_timeout),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND,
                     after_monitors(SRCMON_HOLD_US + SHORT_TIMEOUT_US)));
    expect_ipc("M4 d2: zero send timeout through the source monitor, server working",
               send_from_client2(LABEL_D2, zero),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, after_monitors(SRCMON_HOLD_US)));
    expect_ipc("M4 d3: zero send timeout through the source monitor, server ready",
               send_from_client2(LABEL_D3, zero), succeeds(after_monitors(SRCMON_HOLD_US)));
    settle();
    finish("M4");
}

static const struct role roles[] = {
    { "client", client }, { "client2", client2 }, { "sysmon", sysmon },
    { "srcmon", srcmon }, { "server", server },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
