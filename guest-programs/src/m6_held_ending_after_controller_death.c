/*
 * M6 as settled, with M1: a source held for its controlling monitor's decision gets, when that
 * monitor dies, the ending it was held after, as if no controlling monitor had been set; here
 * another path monitor's option 1, so the source's send fails with error 8 and that monitor's
 * code, not with the dead controller's error 2 and not released.
 *
 * client -> server passes smon (source), then dmon (destination), the final receiver (M8).
 * smon forwards with option 7, naming the client as blocked source and itself as controlling
 * monitor. Final delivery to dmon is smon's first notification (error 0); dmon, holding the IPC,
 * then ends it with option 1 and DMON_CODE, which becomes smon's second (error 8), and the client
 * stays held. smon then dies without
 * deciding, and the client's send fails with error 8 and DMON_CODE.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define CLIENT_SEND_US 1000
#define SMON_DIES_AFTER_US 300 /* after its notification: the client stays held until then */
#define DONE_US 3000
#define DMON_CODE 0x77
#define LABEL_CLIENT 0x60

static void client(void)
{
    char outcome[OUTCOME_TEXT_SIZE];
    sleep_until(CLIENT_SEND_US);
    l4_load_message(LABEL_CLIENT, 0, 0);
    struct timed_result sent = timed_ipc(l4_lookup("server"), L4_NILTHREAD, 0, L4_SND_DESC_NONE);
    l4_printf("M6 client: send held for smon, which dies: %s\n", outcome_text(sent.ipc, outcome));
    expect_yes("M6 client: error 8 with dmon's code, the ending it was held after",
               l4_ipc_error(sent.ipc) == L4_ERROR_MONITOR && l4_dope_phase(sent.ipc.dope) == L4_PHASE_SEND
                   && l4_error_code() == DMON_CODE);
    expect_yes("M6 client: not before smon died", sent.elapsed_us >= SMON_DIES_AFTER_US);
    sleep_until(DONE_US);
    finish("M6");
}

static void smon(void)
{
    struct intercepted message;
    monitor_wait(&message);
    print_intercepted("M6 smon", &message);
    struct forwarding how = taking_over(message.received.from);
    how.option = L4_OPTION_DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR;
    how.controlling_monitor = l4_myself();
    print_result("M6 smon", "option 7, controlling the client's IPC",
                 forward(&message, message.intended_receiver, how));
    await_notification("M6 smon"); /* final delivery to dmon: error 0 */
    await_notification("M6 smon"); /* dmon's option 1: error 8 */
    l4_sleep(SMON_DIES_AFTER_US);
    l4_print("M6 smon: dies without deciding\n");
    l4_exit_thread();
}

static void dmon(void)
{
    struct intercepted message;
    monitor_wait(&message);
    print_intercepted("M6 dmon", &message);
    print_result("M6 dmon", "option 1 to the client", fail_blocked_source(message.blocked_source, DMON_CODE));
    l4_sleep_forever();
}

static const struct role roles[] = {
    { "client", client },
    { "smon", smon },
    { "dmon", dmon },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
