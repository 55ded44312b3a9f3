/*
 * Resource exhaustion by a sender flood (MINIX 3 IPC threat class "resource exhaustion";
 * docs/semantics.md S1, S3, P3): eight threads send to one server as fast as they can. Each sender
 * holds at most one message in the kernel (it is blocked while it waits), so the flood costs a
 * bounded amount of kernel memory; the server still picks its trusted client out of the crowd
 * with a closed wait, the queue is first in, first out, so no flooder starves another or the
 * client, and zero-timeout spam to a busy server costs the server nothing.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/observe.h"
#include "common/timeline.h"

#define FLOODERS 8
#define ROUNDS 2
#define SPAM_SENDS 1000
#define CLIENT_CALLS_AT_US 100
#define SERVER_WAKES_AT_US 200
#define SPAM_AT_US 1000
#define SPAM_REPORT_AT_US 3000
#define SECOND_CALL_AT_US 4000
#define SERVER_BUSY_UNTIL_US 2500
#define LABEL_FLOOD 0x40
#define LABEL_REQUEST 0x41
#define LABEL_SPAM 0x42
#define LABEL_SPAM_REPORT 0x43

static void flooder(void)
{
    l4_thread_id server = l4_lookup("server");
    for (;;) {
        l4_load_message(LABEL_FLOOD, 0, 0);
        l4_send(server);
    }
}

/* Sends SPAM_SENDS zero-timeout messages while the server is busy, then reports how many failed. */
static void spammer(void)
{
    l4_thread_id server = l4_lookup("server");
    sleep_until(SPAM_AT_US);
    l4_word timeouts = 0;
    for (l4_word i = 0; i < SPAM_SENDS; i++) {
        l4_load_message(LABEL_SPAM, 0, 0);
        l4_ipc_result result = l4_send_timeout(server, L4_TIMEOUT_ZERO);
        if (l4_ipc_error(result) == L4_ERROR_TIMEOUT && l4_dope_phase(result.dope) == L4_PHASE_SEND)
            timeouts++;
    }
    sleep_until(SPAM_REPORT_AT_US);
    l4_word report = timeouts;
    l4_load_message(LABEL_SPAM_REPORT, 1, &report);
    l4_send(server);
}

static void client(void)
{
    l4_thread_id server = l4_lookup("server");
    sleep_until(CLIENT_CALLS_AT_US);
    l4_load_message(LABEL_REQUEST, 0, 0);
    l4_call(server);
    sleep_until(SECOND_CALL_AT_US);
    l4_load_message(LABEL_REQUEST, 0, 0);
    l4_call(server);
}

static l4_word flooder_index(l4_thread_id id)
{
    char name[L4_NAME_SIZE];
    l4_name_of(id, name);
    /* "flood" is flooder 0, "flood.fN" flooder N. */
    return name[5] == '\0' ? 0 : (l4_word)(name[7] - '0');
}

static void server(void)
{
    l4_thread_id client = l4_lookup("client");
    l4_thread_id spammer = l4_lookup("spammer");
    sleep_until(SERVER_WAKES_AT_US);

    l4_ipc_result request = l4_receive(client);
    char who[L4_NAME_SIZE];
    expect_text("H2 closed wait on the client while 8 flooders wait to send: a message from",
                thread_text(request.from, who), "client");
    l4_reply(client);

    l4_word per_flooder[FLOODERS] = { 0 };
    l4_word flood_messages = 0;
    for (l4_word i = 0; i < FLOODERS * ROUNDS; i++) {
        l4_ipc_result flood = l4_wait();
        if (l4_msg_tag_label(l4_msg_tag_current()) == LABEL_FLOOD) {
            flood_messages++;
            per_flooder[flooder_index(flood.from)]++;
        }
    }
    l4_word served = 0;
    for (l4_word i = 0; i < FLOODERS; i++)
        served += per_flooder[i] > 0;
    expect_value("H2 flood messages among the first 16 an open wait received", flood_messages, FLOODERS * ROUNDS);
    expect_value("H2 flooders served among them (first in, first out: none starves)", served, FLOODERS);

    sleep_until(SERVER_BUSY_UNTIL_US);
    l4_ipc_result report;
    do
        report = l4_wait();
    while (report.from != spammer);
    expect_value("H2 zero-timeout sends to the busy server that failed with error 1 in the send phase", l4_mr(1),
                 SPAM_SENDS);

    sleep_until(SECOND_CALL_AT_US + 100);
    l4_word before_client = 0;
    l4_ipc_result next;
    while ((next = l4_wait()).from != client)
        before_client++;
    expect_yes("H2 the client's call, queued behind the flooders, came within 8 messages", before_client <= FLOODERS);
    l4_reply(client);
    finish("H2");
}

static const struct role roles[] = {
    { "server", server },   { "client", client },     { "spammer", spammer },   { "flood", flooder },
    { "flood.f1", flooder }, { "flood.f2", flooder }, { "flood.f3", flooder }, { "flood.f4", flooder },
    { "flood.f5", flooder }, { "flood.f6", flooder }, { "flood.f7", flooder },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}

/* The entry of the flood task's other threads. */
L4_THREAD_ENTRY void flood_thread(void)
{
    PLAY_MY_ROLE(roles);
}
