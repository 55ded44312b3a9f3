/*
 * M3 Errors: if a forward fails (destination dead, next hop not ready in time, ...), the
 * forwarding monitor gets the error. A monitor ends a blocked source's IPC with an error by
 * sending it option 1: the source's send fails with error 8 and the monitor's code (MR1) in
 * its ErrorCode.
 *
 * `gate` is the system monitor of client -> server and acts on the label:
 *   PASS      forwards;
 *   TO_CORPSE forwards to `corpse`, which has exited: error 2, passed on with option 1;
 *   DENY      refuses with option 1 and code DENIED_CODE;
 *   LATE      forwards LATE_US later with a 200 us send timeout; `rival` has made the server
 *             busy meanwhile, so the forward times out: error 1, passed on with option 1.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"

#define LATE_US 500
#define GATE_SEND_TIMEOUT_US 200
#define RIVAL_DELAY_US 100
#define SERVER_BUSY_US 2000
#define DENIED_CODE 0x1234
#define LABEL_PASS 0x30
#define LABEL_TO_CORPSE 0x31
#define LABEL_DENY 0x32
#define LABEL_LATE 0x33
#define LABEL_RIVAL 0x34
#define LABEL_GO 0x35

/* Forwards, prints the outcome, and passes a failure on to the blocked source. */
static void forward_and_report(const struct intercepted *message, const char *what,
                               l4_thread_id to, struct forwarding how)
{
    l4_ipc_result forwarded = forward(message, to, how);
    print_result("M3 gate", what, forwarded);
    if (!l4_ipc_failed(forwarded))
        return;
    char report[64];
    l4_word code = l4_ipc_error(forwarded);
    l4_snprintf(report, sizeof report, "option 1 to the client with code 0x%x", code);
    print_result("M3 gate", report, fail_blocked_source(message->blocked_source, code));
}

static void gate_redirected(const struct intercepted *message)
{
    struct forwarding late = deceit();
    late.send_timeout = l4_timeout_us(GATE_SEND_TIMEOUT_US);
    switch (message_label(message)) {
    case LABEL_TO_CORPSE:
        forward_and_report(message, "forward to corpse, which has exited", l4_lookup("corpse"),
                           deceit());
        break;
    case LABEL_DENY:
        print_result("M3 gate", "option 1 to the client with code 0x1234",
                     fail_blocked_source(message->blocked_source, DENIED_CODE));
        break;
    case LABEL_LATE:
        l4_sleep(LATE_US);
        forward_and_report(message, "forward with a 200 us send timeout to the busy server",
                           message->intended_receiver, late);
        break;
    default:
        forward_and_report(message, "forward", message->intended_receiver, deceit());
        break;
    }
}

static void gate(void)
{
    run_monitor(gate_redirected, 0);
}

static void server(void)
{
    for (;;) {
        print_message("M3 server", l4_wait());
        if (l4_msg_tag_label(l4_msg_tag_current()) == LABEL_RIVAL)
            l4_sleep(SERVER_BUSY_US);
    }
}

/* On the client's signal, occupies the server with a message of its own. */
static void rival(void)
{
    l4_receive(l4_lookup("client"));
    l4_sleep(RIVAL_DELAY_US);
    l4_load_message(LABEL_RIVAL, 0, 0);
    l4_send(l4_lookup("server"));
}

static void corpse(void)
{
}

static void send_and_expect(const char *what, l4_word label, struct expectation expected,
                            l4_word error_code)
{
    char text[96];
    l4_load_message(label, 0, 0);
    expect_ipc(what, untimed(l4_send(l4_lookup("server"))), expected);
    l4_snprintf(text, sizeof text, "%s, ErrorCode", what);
    expect_value(text, l4_error_code(), error_code);
}

static void client(void)
{
    settle();
    l4_load_message(LABEL_PASS, 0, 0);
    expect_ipc("M3 client: send the gate forwards", untimed(l4_send(l4_lookup("server"))),
               succeeds(unmeasured()));
    send_and_expect("M3 client: send the gate redirects to a dead thread", LABEL_TO_CORPSE,
                    fails(L4_ERROR_MONITOR, L4_PHASE_SEND, unmeasured()), L4_ERROR_NO_PARTNER);
    send_and_expect("M3 client: send the gate refuses", LABEL_DENY,
                    fails(L4_ERROR_MONITOR, L4_PHASE_SEND, unmeasured()), DENIED_CODE);
    l4_load_message(LABEL_GO, 0, 0);
    l4_send(l4_lookup("rival"));
    send_and_expect("M3 client: send whose forward times out", LABEL_LATE,
                    fails(L4_ERROR_MONITOR, L4_PHASE_SEND, unmeasured()), L4_ERROR_TIMEOUT);
    finish("M3");
}

static const struct role roles[] = {
    { "client", client }, { "gate", gate }, { "server", server },
    { "rival", rival },   { "corpse", corpse },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
