/*
 * R5 Changing destination: a monitor may forward to another destination D'. The rest of the
 * path is then the monitors of path(S, D') of a later class than the forwarder, plus those of
 * its own class that follow it in path(S, D'); for a forwarder not on path(S, D'), only those of
 * a later class (docs/spec-decisions.md).
 *
 * The client sends two messages to fs. The system monitor `redirector` forwards the first to
 * fs, the second to fs2. The other monitors are logging monitors: their lines show which
 * monitors each message passed. Run with r5_on_path.xml (the redirector's rule covers fs2 too)
 * and r5_off_path.xml (it does not).
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/observe.h"
#include "common/scenario.h"

#define MESSAGES 2

static void redirector_redirected(const struct intercepted *message)
{
    static l4_word count;
    l4_thread_id to = ++count == 1 ? message->intended_receiver : l4_lookup("fs2");
    char target[L4_NAME_SIZE];
    char what[64];
    l4_snprintf(what, sizeof what, "R5 redirector: message %u forwarded to %s", count,
                thread_text(to, target));
    expect_ipc(what, untimed(forward_or_fail_source(message, to, deceit())), succeeds(unmeasured()));
}

static void redirector(void)
{
    run_monitor(redirector_redirected, 0);
}

static void client(void)
{
    char what[64];
    settle();
    for (l4_word i = 1; i <= MESSAGES; i++) {
        l4_load_message(i, 0, 0);
        l4_snprintf(what, sizeof what, "R5 client: send %u to fs", i);
        expect_ipc(what, untimed(l4_send(l4_lookup("fs"))), succeeds(unmeasured()));
        settle(); /* every monitor and the file systems have printed */
    }
    finish("R5");
}

static const struct role roles[] = {
    { "client", client },
    { "redirector", redirector },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
