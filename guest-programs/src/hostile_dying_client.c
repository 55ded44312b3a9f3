/*
 * Caller blockage by a client that dies mid-call (MINIX 3 IPC threat class "caller blockage";
 * docs/semantics.md S2, M1, M3): clients are deleted (thread_control by the privileged `reaper`)
 * while the server holds their call, while the server waits for them, while their message
 * waits in the server's queue, and while a monitor holds it. Whoever was dealing with them
 * learns at once with error 2 and is never left waiting. Then the gate itself is deleted: a
 * send whose path holds it fails at once with error 2 rather than waiting in a dead monitor's
 * queue or slipping past it.
 *
 * Every step happens at a scripted virtual time; `server` prints, the gate reports its
 * forward's outcome to it.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define CLIENT_CALLS_AT_US 100
#define CLIENT_DIES_AT_US 200
#define SERVER_REPLIES_AT_US 300
#define SERVER_WAITS_ON_MUTE_AT_US 400
#define MUTE_DIES_AT_US 600
#define QUEUED_SENDS_AT_US 700
#define QUEUED_DIES_AT_US 800
#define SERVER_FREE_AT_US 1000
#define HELD_CALLS_AT_US 1200
#define HELD_DIES_AT_US 1300
#define GATE_FORWARDS_AT_US 1400
#define GATE_DIES_AT_US 1500
#define LATE_SENDS_AT_US 1600
#define LATE_SEND_TIMEOUT_US 300
#define EMPTY_WAIT_US 100
#define LABEL_REPORT 0x60
#define LABEL_LATE_REPORT 0x61

static void calls_at(l4_u64 at_us)
{
    sleep_until(at_us);
    l4_load_message(1, 0, 0);
    l4_call(l4_lookup("server"));
}

static void client(void)
{
    calls_at(CLIENT_CALLS_AT_US);
}

static void held(void)
{
    calls_at(HELD_CALLS_AT_US);
}

static void queued(void)
{
    sleep_until(QUEUED_SENDS_AT_US);
    l4_load_message(1, 0, 0);
    l4_send(l4_lookup("server"));
}

static void mute(void)
{
    l4_sleep_forever();
}

/* Always in an open wait, so that an IPC to it passes the final-receiver check (M4) at once. */
static void vault(void)
{
    for (;;)
        l4_wait();
}

static void kill_at(l4_u64 at_us, const char *name)
{
    sleep_until(at_us);
    l4_thread_control(l4_lookup(name), L4_NILTHREAD, L4_NILTHREAD, 0);
}

static void reaper(void)
{
    kill_at(CLIENT_DIES_AT_US, "client");
    kill_at(MUTE_DIES_AT_US, "mute");
    kill_at(QUEUED_DIES_AT_US, "queued");
    kill_at(HELD_DIES_AT_US, "held");
    kill_at(GATE_DIES_AT_US, "gate");
}

/* Sends to vault, whose path from here holds the gate, after the gate died; reports how that went. */
static void late(void)
{
    sleep_until(LATE_SENDS_AT_US);
    l4_load_message(1, 0, 0);
    struct timed_result sent =
        timed_ipc(l4_lookup("vault"), L4_NILTHREAD, l4_timeouts(l4_timeout_us(LATE_SEND_TIMEOUT_US), 0), L4_SND_DESC_NONE);
    l4_word report[2] = { sent.ipc.dope, (l4_word)sent.elapsed_us };
    l4_load_message(LABEL_LATE_REPORT, 2, report);
    l4_send(l4_lookup("server"));
}

/* Holds held's call until its client has died, forwards it, and tells the server how that went. */
static void gate(void)
{
    struct intercepted message;
    monitor_wait(&message);
    sleep_until(GATE_FORWARDS_AT_US);
    l4_word dope = forward(&message, message.intended_receiver, deceit()).dope;
    l4_load_message(LABEL_REPORT, 1, &dope);
    l4_send(l4_lookup("server"));
    for (;;)
        monitor_wait(&message);
}

static void server(void)
{
    l4_thread_id client = l4_lookup("client");
    l4_wait(); /* the client's call */
    sleep_until(SERVER_REPLIES_AT_US);
    expect_ipc("H5 reply to a client deleted while the server held its call",
               timed_ipc(client, L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, 0), L4_SND_DESC_NONE),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, at_once()));
    expect_ipc("H5 the same reply without a send timeout",
               timed_ipc(client, L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_NEVER, 0), L4_SND_DESC_NONE),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, at_once()));

    sleep_until(SERVER_WAITS_ON_MUTE_AT_US);
    expect_ipc("H5 closed wait without a timeout on a client that is deleted 200 us later",
               timed_ipc(L4_NILTHREAD, l4_lookup("mute"), l4_timeouts(0, L4_TIMEOUT_NEVER), L4_SND_DESC_NONE),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_RECEIVE, about(MUTE_DIES_AT_US - SERVER_WAITS_ON_MUTE_AT_US)));

    sleep_until(SERVER_FREE_AT_US);
    expect_ipc("H5 open wait after a client died while its message waited in the queue",
               timed_ipc(L4_NILTHREAD, L4_ANYTHREAD, l4_timeouts(0, l4_timeout_us(EMPTY_WAIT_US)), L4_SND_DESC_NONE),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, expiring_after(EMPTY_WAIT_US)));

    /* An open wait, so that held's call passes the final-receiver check (M4) into the gate. */
    l4_ipc_result report = l4_wait();
    char who[L4_NAME_SIZE];
    expect_text("H5 the next message after held's call came from", thread_text(report.from, who), "gate");
    char text[L4_DOPE_TEXT_SIZE];
    expect_text("H5 the gate's forward of a call whose client was deleted while the gate held it",
                l4_describe_dope(l4_mr(1), text), "error 2 (no partner), phase send");

    l4_receive(l4_lookup("late"));
    expect_ipc("H5 a send with a 300 us timeout whose path holds a monitor that was deleted",
               (struct timed_result){ { L4_NILTHREAD, l4_mr(1) }, l4_mr(2) },
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, at_once()));
    finish("H5");
}

static const struct role roles[] = {
    { "server", server }, { "client", client }, { "mute", mute },     { "queued", queued },
    { "held", held },     { "gate", gate },     { "reaper", reaper }, { "late", late },
    { "vault", vault },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
