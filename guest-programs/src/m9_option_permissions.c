/*
 * M9 Only a monitor on the blocked source's current path may send it options 1 or 3, and only
 * a monitor on the path may send option 2 to that path's monitors; anything else gets error 6.
 * Options 1 and 3 never wait: their target is a blocked source, or the sender gets error 6 at
 * once. Unauthorised options, and deceit by a thread that is no monitor (R3), change nothing.
 *
 * The client sends to the server at CLIENT_SENDS_AT_US; `holder` (its system monitor) keeps
 * the message until FORWARD_AT_US. Meanwhile `outsider` (no monitor), then `othermon` (the
 * monitor of another path), then holder itself try the options at fixed times. The client must
 * stay blocked until holder forwards, the server must receive exactly one message, and
 * `receiver`, in a receive when holder sends it option 3, must end it only by its own timeout.
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"
#include "common/timeline.h"

#define CLIENT_SENDS_AT_US 100
#define OUTSIDER_AT_US 200
#define OTHERMON_AT_US 300
#define HOLDER_TRIES_AT_US 400
#define FORWARD_AT_US 800
#define RECEIVER_TIMEOUT_US 2000
#define END_AT_US 3000
#define LABEL_HELD 0x91
#define LABEL_FORGED 0x9F
#define NO_SUCH_THREAD_NUMBER 1000

static struct timed_result timed_option(l4_thread_id to, enum l4_option option,
                                        const struct l4_ipc_params *params)
{
    return timed_ipc(to, L4_NILTHREAD, 0, l4_snd_desc_option(option, params));
}

static struct timed_result try_unblock(l4_thread_id to)
{
    l4_load_message(0, 0, 0);
    return timed_option(to, L4_OPTION_UNBLOCKING, 0);
}

static struct timed_result try_error(l4_thread_id to)
{
    l4_word code = 0x99;
    l4_load_message(0, 1, &code);
    return timed_option(to, L4_OPTION_ERROR, 0);
}

/* Option 2 about the client's IPC, as a monitor passing a notification on would send it. */
static struct timed_result try_notify(l4_thread_id to)
{
    l4_word words[] = { l4_lookup("client"), l4_lookup("client"), l4_lookup("server"), 0 };
    l4_load_message(0, 4, words);
    return timed_option(to, L4_OPTION_NOTIFICATION, 0);
}

static struct timed_result try_deceit(enum l4_option option)
{
    struct l4_ipc_params params = { .true_source = l4_lookup("client"),
                                    .blocked_source = l4_lookup("client"),
                                    .controlling_monitor = l4_myself() };
    l4_load_message(LABEL_FORGED, 0, 0);
    return timed_option(l4_lookup("server"), option, &params);
}

static struct expectation refused(void)
{
    return fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, at_once());
}

static void outsider(void)
{
    l4_thread_id client = l4_lookup("client");
    sleep_until(OUTSIDER_AT_US);
    expect_ipc("M9 outsider: option 3 to the blocked client", try_unblock(client), refused());
    expect_ipc("M9 outsider: option 1 to the blocked client", try_error(client), refused());
    expect_ipc("M9 outsider: option 2 to holder", try_notify(l4_lookup("holder")), refused());
    expect_ipc("M9 outsider: deceit as client (option 4)", try_deceit(L4_OPTION_DECEIT),
               refused());
    expect_ipc("M9 outsider: deceit as client with itself controlling (option 6)",
               try_deceit(L4_OPTION_DECEIT_CONTROLLING_MONITOR), refused());
    expect_ipc("M9 outsider: deceit as client naming it blocked source (option 7)",
               try_deceit(L4_OPTION_DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR), refused());
}

static void othermon(void)
{
    l4_thread_id client = l4_lookup("client");
    sleep_until(OTHERMON_AT_US);
    expect_ipc("M9 othermon: option 3 to the client, whose path it is not on", try_unblock(client),
               refused());
    expect_ipc("M9 othermon: option 1 to the client", try_error(client), refused());
    expect_ipc("M9 othermon: option 2 to holder", try_notify(l4_lookup("holder")), refused());
    l4_sleep_forever();
}

static void holder_redirected(const struct intercepted *message)
{
    sleep_until(HOLDER_TRIES_AT_US);
    expect_ipc("M9 holder: option 3 to a thread in a receive, not a blocked source",
               try_unblock(l4_lookup("receiver")), refused());
    expect_ipc("M9 holder: option 1 to a thread that is not blocked", try_error(l4_lookup("idle")),
               refused());
    expect_ipc("M9 holder: option 3 to the server, in an open wait",
               try_unblock(l4_lookup("server")), refused());
    expect_ipc("M9 holder: option 2 to othermon, not on the client's path",
               try_notify(l4_lookup("othermon")), refused());
    expect_ipc("M9 holder: option 2 to a thread that does not exist, an ordinary send to no partner",
               try_notify(l4_thread_id_make(NO_SUCH_THREAD_NUMBER, 1)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, at_once()));
    sleep_until(FORWARD_AT_US);
    print_result("M9 holder", "forwarding the client's message", pass_through(message));
}

static void holder(void)
{
    run_monitor(holder_redirected, 0);
}

static void receiver(void)
{
    expect_ipc("M9 receiver: its closed wait on idle",
               timed_ipc(L4_NILTHREAD, l4_lookup("idle"),
                         l4_timeouts(L4_TIMEOUT_NEVER, l4_timeout_us(RECEIVER_TIMEOUT_US)),
                         L4_SND_DESC_NONE),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, expiring_after(RECEIVER_TIMEOUT_US)));
}

static void idle(void)
{
    l4_sleep_forever();
}

static void client(void)
{
    sleep_until(CLIENT_SENDS_AT_US);
    l4_load_message(LABEL_HELD, 0, 0);
    expect_ipc("M9 client: send held by holder", untimed(l4_send(l4_lookup("server"))),
               succeeds(unmeasured()));
    expect_yes("M9 client: released only when holder forwarded", now_us() >= FORWARD_AT_US);
    sleep_until(END_AT_US);
    finish("M9");
}

static const struct role roles[] = {
    { "client", client }, { "holder", holder },     { "outsider", outsider },
    { "othermon", othermon }, { "receiver", receiver }, { "idle", idle },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
