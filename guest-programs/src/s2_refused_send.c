/*
 * S2 Error handling: a destination in a closed wait on a sender learns of the sender's failure
 * too, not only of its death: a send refused by an allow rule (P1, error 6) or for a bad
 * argument (P2, error 9) ends the destination's closed wait with the same error, phase receive.
 * A thread in an open wait is not told: it was waiting for no one in particular.
 *
 * Roles: `sender` may send only to `collector` (an allow rule); `closed` and `closed2` wait for
 * `sender` alone, `open` for anyone, each bounded by PATIENT_US, and report how their wait ended
 * to `collector`, which judges.
 */
#include <l4.h>
#include "common/scenario.h"

#define LABEL_REFUSED 0x51
#define LABEL_REPORT 0x52
#define WAITERS 3

static void report(l4_ipc_result received)
{
    l4_load_message(LABEL_REPORT, 2, (l4_word[]){ received.from, received.dope });
    l4_send(l4_lookup("collector"));
}

static void closed(void)
{
    report(l4_receive_timeout(l4_lookup("sender"), l4_timeout_us(PATIENT_US)));
}

static void open(void)
{
    report(l4_wait_timeout(l4_timeout_us(PATIENT_US)));
}

static void sender(void)
{
    settle(); /* every waiter waits */
    l4_timeout patient = l4_timeout_us(PATIENT_US);
    l4_load_message(LABEL_REFUSED, 0, 0);
    expect_ipc("S2 sender: a send to closed, refused by the allow rule", untimed(l4_send_timeout(l4_lookup("closed"), patient)),
               fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, unmeasured()));
    l4_set_mr(0, l4_msg_tag_make(LABEL_REFUSED, 0, 1)); /* an odd count of typed words */
    expect_ipc("S2 sender: a malformed message to closed2", untimed(l4_send_timeout(l4_lookup("closed2"), patient)),
               fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_SEND, unmeasured()));
    l4_load_message(LABEL_REFUSED, 0, 0);
    expect_ipc("S2 sender: a send to open, refused by the allow rule", untimed(l4_send_timeout(l4_lookup("open"), patient)),
               fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, unmeasured()));
    l4_sleep_forever();
}

static l4_ipc_result reported_by(const char *name)
{
    l4_receive_timeout(l4_lookup(name), l4_timeout_us(2 * PATIENT_US));
    return (l4_ipc_result){ l4_mr(1), l4_mr(2) };
}

static void collector(void)
{
    expect_ipc("S2 closed, in a closed wait on sender", untimed(reported_by("closed")),
               fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_RECEIVE, unmeasured()));
    expect_ipc("S2 closed2, in a closed wait on sender", untimed(reported_by("closed2")),
               fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_RECEIVE, unmeasured()));
    expect_ipc("S2 open, in an open wait: not told, its wait runs out", untimed(reported_by("open")),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, unmeasured()));
    finish("S2");
}

static const struct role roles[] = {
    { "sender", sender }, { "closed", closed }, { "closed2", closed }, { "open", open }, { "collector", collector },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
