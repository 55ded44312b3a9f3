/*
 * M6 A controlling monitor passes a notification on to an earlier controlling monitor with
 * option 2, also when the IPC ended by removing its source: the source was cancelled (halted by
 * exchange_registers), the kernel told the last controller at once, and that one passes the news
 * on to the first.
 *
 * Path client -> server: `first` (source class) forwards with option 6, `second` (system class)
 * forwards with option 6 to `stuck`, which never receives, under a timeout of its own, so that
 * the IPC stays in flight; then `client.canceller` halts the client.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/scenario.h"

#define STUCK_TIMEOUT_US 200
#define CANCEL_AT_US 1000
#define LABEL_REQUEST 0x40

static void first(void)
{
    static struct intercepted message;
    monitor_wait(&message);
    print_result("M6 first", "forward as controlling monitor",
                 forward(&message, message.intended_receiver, deceit_controlled_by_me()));
    await_notification("M6 first");
    l4_sleep_forever();
}

static void second(void)
{
    static struct intercepted message;
    monitor_wait(&message);
    struct forwarding how = deceit_controlled_by_me();
    how.send_timeout = l4_timeout_us(STUCK_TIMEOUT_US);
    print_result("M6 second", "forward as controlling monitor to stuck, which never receives",
                 forward(&message, l4_lookup("stuck"), how));
    static struct intercepted notified;
    monitor_wait(&notified);
    print_notification("M6 second", &notified);
    print_result("M6 second", "option 2 to first, the earlier controlling monitor",
                 pass_notification(l4_lookup("first"), notification_of(&notified)));
    l4_sleep_forever();
}

static void canceller(void)
{
    l4_sleep(CANCEL_AT_US);
    l4_exchange_registers(l4_lookup("client"), L4_EXREGS_HALT, 0, 0);
    l4_sleep(CANCEL_AT_US);
    l4_shutdown(0);
}

/* Ready to receive, so the IPC passes the check against it (M4) and reaches second. */
static void server(void)
{
    for (;;)
        l4_wait();
}

static void client(void)
{
    l4_load_message(LABEL_REQUEST, 0, 0);
    l4_send(l4_lookup("server"));
    l4_print("M6 client: unreachable, it was halted\n");
}

static const struct role roles[] = {
    { "client", client }, { "client.canceller", canceller }, { "first", first }, { "second", second },
    { "server", server }, { "stuck", l4_sleep_forever },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}

L4_THREAD_ENTRY void canceller_entry(void)
{
    PLAY_MY_ROLE(roles);
}
