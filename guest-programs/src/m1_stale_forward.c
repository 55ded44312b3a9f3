/*
 * M1 Blocked until final delivery, with a source monitor (smon) and a destination monitor
 * (dmon, the final receiver, M8) on the path client -> sink. dmon forwards each message to the
 * sink 200 us after it received it, as its own business once final delivery has happened at
 * itself. Meanwhile the client's next send has already been taken by smon and waits at the M4
 * check for dmon. dmon's forward names the client as true source (option 4), but it carries the
 * client's earlier message: it must not count as the final delivery of the client's next IPC,
 * which has not reached dmon. So each send completes only once dmon has received that very
 * message (counted in shared memory), and dmon sees the client as blocked source every time (R2).
 * Found broken: the stale forward released the client's next send early (and dmon then saw no
 * blocked source); with a later monitor between them, the next message was never delivered.
 */
#include <l4.h>
#include "common/audit.h"
#include "common/expect.h"
#include "common/roles.h"
#include "common/timeline.h"

#define MESSAGES 3
#define RECEIVED_COUNT ((volatile l4_word *)0x50000000) /* <shared>: dmon's count of receipts */

static void dmon(void)
{
    for (;;) {
        l4_ipc_result r = l4_wait();
        audit_received("dmon", "got", r);
        expect_yes("M1 dmon: the client is the blocked source (R2)",
              l4_utcb_word(L4_UTCB_BLOCKED_SOURCE) == l4_lookup("client"));
        *RECEIVED_COUNT = l4_mr(0) >> 16;
        struct audit_message kept;
        audit_save(&kept);
        l4_sleep(200);
        audit_restore(&kept);
        audit_sent("dmon", "forward", audit_send_option(l4_lookup("sink"), 0, L4_OPTION_DECEIT, r.from, 0, 0, 0));
    }
}

static void smon(void)
{
    for (;;) {
        l4_ipc_result r = l4_wait();
        audit_received("smon", "got", r);
        audit_sent("smon", "forward", audit_send_option(l4_utcb_word(L4_UTCB_INTENDED_RECEIVER), 0,
                                                         L4_OPTION_DECEIT, r.from, 0, 0, 0));
    }
}

static void sink(void)
{
    for (;;)
        audit_received("sink", "got", l4_wait());
}

static void client(void)
{
    for (l4_word label = 1; label <= MESSAGES; label++) {
        l4_word word = 0xC0DE0000 | label;
        l4_load_message(label, 1, &word);
        audit_sent("client", "send", l4_send(l4_lookup("sink")));
        expect_yes("M1 client: the send completed after dmon received it", *RECEIVED_COUNT == label);
    }
    sleep_until(3000);
    finish("M1");
}

static const struct role roles[] = { { "client", client }, { "dmon", dmon }, { "smon", smon }, { "sink", sink } };

int main(void)
{
    PLAY_MY_ROLE(roles);
}
