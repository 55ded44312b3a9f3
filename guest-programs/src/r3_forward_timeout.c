/*
 * R3 Each forward is an ordinary send of the monitor under its own timeouts: a source-class
 * monitor forwarding with a zero send timeout while the system monitor after it is not yet
 * receiving gets error 1 at once, and decides (M3): here it forwards again without a timeout.
 * The client's own send is not bound by the monitor's timeout (M4: past the check against the
 * final receiver, which is ready, hops into system monitors never time out for the source).
 *
 * Roles: `client` sends to `server`; its path holds `srcmon` (source class) and then `sysmon`
 * (system class), which starts receiving only after SYSMON_BUSY_US.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/scenario.h"

#define SYSMON_BUSY_US 1000
#define LABEL_REQUEST 0x40

static void srcmon(void)
{
    static struct intercepted message;
    monitor_wait(&message);
    struct forwarding impatient = deceit();
    impatient.send_timeout = L4_TIMEOUT_ZERO;
    expect_ipc("R3 srcmon: a forward with a zero send timeout while sysmon is not receiving",
               untimed(forward(&message, message.intended_receiver, impatient)),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, unmeasured()));
    expect_ipc("R3 srcmon: the same forward again, without a timeout",
               untimed(forward(&message, message.intended_receiver, deceit())), succeeds(unmeasured()));
    l4_sleep_forever();
}

static void sysmon(void)
{
    static struct intercepted message;
    l4_sleep(SYSMON_BUSY_US);
    monitor_wait(&message);
    forward(&message, message.intended_receiver, deceit());
    l4_sleep_forever();
}

static void server(void)
{
    l4_ipc_result received = l4_wait();
    expect_yes("R3 server: the client's message arrives once, from the client",
               !l4_ipc_failed(received) && received.from == l4_lookup("client")
                   && l4_msg_tag_label(l4_mr(0)) == LABEL_REQUEST);
    l4_sleep_forever();
}

static void client(void)
{
    settle();
    l4_load_message(LABEL_REQUEST, 0, 0);
    expect_ipc("R3 client: its send to server, through srcmon and sysmon", untimed(l4_send(l4_lookup("server"))),
               succeeds(unmeasured()));
    finish("R3");
}

static const struct role roles[] = {
    { "client", client }, { "srcmon", srcmon }, { "sysmon", sysmon }, { "server", server },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
