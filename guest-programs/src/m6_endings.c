/*
 * M6, the endings m6_settled.c leaves out. With a controlling monitor set:
 * - another monitor's option 3 is reported to it with MR4 0, and the source stays held until
 *   the controlling monitor releases it (option 3) or ends it (option 1);
 * - endings that remove the source reach it at once and the controlling monitor is told: its
 *   cancellation (MR4 3), while a monitor holds its message or while it is held after final
 *   delivery, and its death (MR4 2);
 * - an M4 send timeout reaches the source at once when the controlling monitor is a source-class
 *   monitor whose forward waited for the final receiver (MR4 1); that monitor's forward fails too.
 * A source that was not held is no blocked source any more: the controlling monitor's option 3
 * then gets error 6 (M9).
 *
 * Roles: `client` (privileged) sends to `server` through the system monitors `ctl` (first, the
 * controlling monitor) and `other`, and to `slow`, which never receives, through its own
 * source-class monitor `guard`. `client.helper`, a thread of the client's task, cancels the
 * client with exchange_registers, and in the last round is itself the source, deleted by the
 * client while other holds its message. One round per slot of virtual time; the client judges
 * what its sends see, the monitors print what they are told.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/monitor.h"
#include "common/observe.h"
#include "common/timeline.h"

#define FIRST_SLOT_US 1000
#define SLOT_US 3000
#define HOLD_US 300
#define CANCEL_AT_US 400
#define GUARD_HOLDS_US 200
#define M4_TIMEOUT_US 500

enum round {
    OTHERS_UNBLOCK_RELEASED, /* other's option 3 is reported with 0; ctl releases with option 3 */
    OTHERS_UNBLOCK_ENDED,    /* likewise; ctl ends it with option 1 */
    CANCELLED_AT_MONITOR,    /* other holds the message; the helper cancels the client: 3 */
    CANCELLED_WHILE_HELD,    /* final delivery, the client held for ctl; then cancelled: 0, 3 */
    M4_TIMEOUT,              /* guard's option 6 forward waits for slow: 1, at the client's timeout */
    DIES_AT_MONITOR,         /* other holds the helper's message; the client deletes the helper: 2 */
    ROUNDS
};

static const char *const round_text[ROUNDS] = {
    "other's option 3 while ctl controls, then ctl's option 3",
    "other's option 3 while ctl controls, then ctl's option 1",
    "a cancellation while other holds the message and ctl controls",
    "a cancellation while the client is held for ctl after final delivery",
    "a 500 us send timeout to slow, guard controlling",
};

static l4_u64 slot(enum round r)
{
    return FIRST_SLOT_US + (l4_u64)r * SLOT_US;
}

static struct expectation expected_outcome(enum round r)
{
    switch (r) {
    case OTHERS_UNBLOCK_RELEASED:
        return succeeds(unmeasured());
    case OTHERS_UNBLOCK_ENDED:
        return fails(L4_ERROR_MONITOR, L4_PHASE_SEND, unmeasured());
    case M4_TIMEOUT:
        return fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, about(GUARD_HOLDS_US + M4_TIMEOUT_US));
    default:
        return fails(L4_ERROR_CANCELLED, L4_PHASE_SEND, about(CANCEL_AT_US));
    }
}

static void client(void)
{
    char what[160];
    for (enum round r = 0; r < DIES_AT_MONITOR; r++) {
        sleep_until(slot(r));
        l4_set_mr(0, l4_msg_tag_make(0x60 + r, 0, 0));
        int to_slow = r == M4_TIMEOUT;
        struct timed_result sent = timed_ipc(
            l4_lookup(to_slow ? "slow" : "server"), L4_NILTHREAD,
            l4_timeouts(to_slow ? l4_timeout_us(M4_TIMEOUT_US) : L4_TIMEOUT_NEVER, L4_TIMEOUT_NEVER),
            L4_SND_DESC_NONE);
        l4_snprintf(what, sizeof what, "M6 client: send with %s", round_text[r]);
        expect_ipc(what, sent, expected_outcome(r));
        if (r == OTHERS_UNBLOCK_RELEASED || r == OTHERS_UNBLOCK_ENDED) {
            expect_yes("M6 client: held until ctl decided", sent.elapsed_us >= HOLD_US);
            if (r == OTHERS_UNBLOCK_ENDED)
                expect_yes("M6 client: ErrorCode is ctl's code 0xe3", l4_error_code() == 0xe3);
        }
    }
    sleep_until(slot(DIES_AT_MONITOR) + CANCEL_AT_US);
    expect_value("M6 client: thread_control deletes client.helper while other holds its message",
                 l4_thread_control(l4_lookup("client.helper"), L4_NILTHREAD, L4_NILTHREAD, 0), 0);
    sleep_until(slot(ROUNDS));
    finish("M6");
}

static void cancel_client(const char *when)
{
    l4_thread_id client = l4_lookup("client");
    l4_exchange_registers_result cancelled =
        l4_exchange_registers(client, L4_EXREGS_HALT | L4_EXREGS_RESUME, 0, 0);
    l4_thread_switch(client); /* the client reads the clock before this thread prints */
    l4_printf("M6 client.helper: halts and resumes the client %s: result %u\n", when, cancelled.result);
}

static void helper(void)
{
    sleep_until(slot(CANCELLED_AT_MONITOR) + CANCEL_AT_US);
    cancel_client("while other holds its message");
    sleep_until(slot(CANCELLED_WHILE_HELD) + CANCEL_AT_US);
    cancel_client("while it is held for ctl");
    sleep_until(slot(DIES_AT_MONITOR));
    l4_set_mr(0, l4_msg_tag_make(0x60 + DIES_AT_MONITOR, 0, 0));
    l4_send(l4_lookup("server"));
    l4_printf("M6 client.helper: still alive after its send\n");
}

static void server(void)
{
    char name[L4_NAME_SIZE];
    for (;;) {
        l4_ipc_result got = l4_wait();
        if (!l4_ipc_failed(got))
            l4_printf("M6 server: label 0x%x from %s\n", l4_msg_tag_label(l4_mr(0)), l4_name_of(got.from, name));
    }
}

static void idle(void)
{
    l4_sleep_forever();
}

static struct forwarding controlled(void)
{
    struct forwarding how = deceit_controlled_by_me();
    how.send_timeout = L4_TIMEOUT_NEVER;
    return how;
}

/* The source was not held for the monitor: it is no blocked source, so option 3 is refused (M9). */
static void try_release(const char *who, const char *source_name)
{
    char what[96];
    l4_snprintf(what, sizeof what, "option 3 to %s afterwards", source_name);
    print_result(who, what, unblock(l4_lookup(source_name)));
}

static void ctl(void)
{
    char who[32];
    for (enum round r = 0; r < ROUNDS; r++) {
        if (r == M4_TIMEOUT)
            continue; /* the IPC to slow does not come this way */
        struct intercepted message;
        monitor_wait(&message);
        /* Each round's lines name its message, so that no two rounds print the same line. */
        l4_snprintf(who, sizeof who, "M6 ctl on 0x%x", message_label(&message));
        print_result(who, "forward as controlling monitor", forward(&message, message.intended_receiver, controlled()));
        await_notification(who);
        switch (r) {
        case OTHERS_UNBLOCK_RELEASED:
            l4_sleep(HOLD_US);
            print_result(who, "option 3 to the held client", unblock(message.blocked_source));
            break;
        case OTHERS_UNBLOCK_ENDED:
            l4_sleep(HOLD_US);
            print_result(who, "option 1 to the held client", fail_blocked_source(message.blocked_source, 0xe3));
            break;
        case CANCELLED_WHILE_HELD:
            await_notification(who);
            try_release(who, "client");
            break;
        case DIES_AT_MONITOR:
            try_release(who, "client.helper");
            break;
        default:
            try_release(who, "client");
            break;
        }
    }
    l4_sleep_forever();
}

static void other(void)
{
    for (enum round r = 0; r < ROUNDS; r++) {
        if (r == M4_TIMEOUT)
            continue;
        struct intercepted message;
        monitor_wait(&message);
        char who[32];
        l4_snprintf(who, sizeof who, "M6 other on 0x%x", message_label(&message));
        switch (r) {
        case OTHERS_UNBLOCK_RELEASED:
        case OTHERS_UNBLOCK_ENDED:
            print_result(who, "option 3 to the blocked source", unblock(message.blocked_source));
            break;
        case CANCELLED_WHILE_HELD:
            print_result(who, "forward", pass_through(&message));
            break;
        default:
            l4_printf("%s: holds the message\n", who);
            break;
        }
    }
    l4_sleep_forever();
}

static void guard(void)
{
    struct intercepted message;
    monitor_wait(&message);
    l4_sleep(GUARD_HOLDS_US);
    print_result("M6 guard", "forward to slow as controlling monitor",
                 forward(&message, message.intended_receiver, controlled()));
    await_notification("M6 guard");
    try_release("M6 guard", "client");
    l4_sleep_forever();
}

static const struct role roles[] = {
    { "client", client }, { "client.helper", helper }, { "server", server }, { "slow", idle },
    { "ctl", ctl },       { "other", other },          { "guard", guard },
};

void main(void)
{
    PLAY_MY_ROLE(roles);
}

/* The entry of the client task's second thread. */
L4_THREAD_ENTRY void second_thread(void)
{
    PLAY_MY_ROLE(roles);
}
