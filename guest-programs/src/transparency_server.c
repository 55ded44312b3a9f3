/* The server of the transparency scenario (R4), run with no monitor, one and three: it prints
   every request as it received it (source, label, words, dope) and what happened to each IPC
   of its own that can fail. Those lines must be the same however many monitors stand between
   the client and it. Roles: `server`; `mortal` exits at once; `idle` never receives. */
#include <l4.h>
#include "common/observe.h"
#include "common/roles.h"
#include "transparency_protocol.h"

static void print_received(const char *what, l4_ipc_result received)
{
    char from[L4_NAME_SIZE];
    char words[WORDS_TEXT_SIZE];
    char dope[DOPE_TEXT_SIZE];
    char outcome[OUTCOME_TEXT_SIZE];
    if (l4_ipc_failed(received)) {
        l4_printf("server: %s: %s, from %s\n", what, outcome_text(received, outcome),
                  thread_text(received.from, from));
        return;
    }
    l4_printf("server: %s from %s, label 0x%x, words %s, dope %s\n", what,
              thread_text(received.from, from), l4_msg_tag_label(l4_msg_tag_current()),
              words_text(words), dope_text(received.dope, dope));
}

static void print_sent(const char *what, l4_ipc_result sent)
{
    char outcome[OUTCOME_TEXT_SIZE];
    l4_printf("server: %s: %s\n", what, outcome_text(sent, outcome));
}

static void load_echo_reply(void)
{
    l4_word count = l4_msg_tag_untyped(l4_msg_tag_current());
    l4_word sum = 0;
    for (l4_word i = 1; i <= count; i++)
        sum += l4_mr(i);
    l4_word reply[] = { count, sum, l4_mr(1) };
    l4_load_message(LABEL_ECHO + 1, sizeof reply / sizeof reply[0], reply);
}

static l4_ipc_result reply_plainly(l4_thread_id to)
{
    l4_load_message(0, 0, 0);
    return l4_reply(to);
}

/* Reply and wait in one IPC, so the server is ready for the next request at once (S4). */
static l4_ipc_result answer_echo(l4_thread_id client)
{
    load_echo_reply();
    return l4_reply_wait(client);
}

static void expect_more(l4_thread_id client)
{
    print_sent("reply", reply_plainly(client));
    print_received("more", l4_receive_timeout(client, l4_timeout_us(MORE_TIMEOUT_US)));
    print_received("nothing more",
                   l4_receive_timeout(client, l4_timeout_us(NOTHING_MORE_TIMEOUT_US)));
}

static void server(void)
{
    l4_ipc_result request = l4_wait();
    for (;;) {
        print_received("request", request);
        if (l4_ipc_failed(request)) {
            request = l4_wait();
            continue;
        }
        l4_thread_id client = request.from;
        switch (l4_msg_tag_label(l4_msg_tag_current())) {
        case LABEL_ECHO:
            request = answer_echo(client);
            if (l4_dope_error(request.dope) != L4_ERROR_NONE
                && l4_dope_phase(request.dope) == L4_PHASE_SEND)
                print_sent("echo reply", request);
            continue;
        case LABEL_BUSY:
            print_sent("reply", reply_plainly(client));
            l4_sleep(BUSY_US);
            break;
        case LABEL_NO_REPLY:
            l4_sleep(LATE_REPLY_US);
            print_sent("late reply", reply_plainly(client));
            break;
        case LABEL_EXPECT_MORE:
            expect_more(client);
            break;
        case LABEL_DONE:
            print_sent("reply", reply_plainly(client));
            l4_print("server: done\n");
            return;
        default:
            break;
        }
        request = l4_wait();
    }
}

static void mortal(void)
{
}

static void idle(void)
{
    l4_sleep_forever();
}

static const struct role roles[] = {
    { "server", server },
    { "mortal", mortal },
    { "idle", idle },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
