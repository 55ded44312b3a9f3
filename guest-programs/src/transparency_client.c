/* The client of the transparency scenario (R4): runs a fixed series of calls and sends to the
   transparency server and to threads that cannot answer, and prints how each ended: the
   outcome, `from`, the dope and the reply. Those lines must be the same with no monitor, one or
   three; only the times, printed on separate "client: time:" lines, may differ. */
#include <l4.h>
#include "common/observe.h"
#include "transparency_protocol.h"

#define SETTLE_US 100
#define FOREVER 0xFFFFFFFFu /* a timeout of never, in the table below */
#define NO_SUCH_THREAD_NUMBER 1000

enum kind { CALL, SEND };

struct step {
    const char *what;
    const char *to; /* a task name; 0 for a thread ID nobody has */
    enum kind kind;
    l4_word label;
    l4_word words;
    l4_word send_timeout_us;
    l4_word receive_timeout_us;
    l4_word pause_after_us; /* lets the server's own timing play out */
};

static const struct step steps[] = {
    { "echo, 3 words", "server", CALL, LABEL_ECHO, 3, FOREVER, FOREVER, 0 },
    { "echo with a zero send timeout, server waiting", "server", CALL, LABEL_ECHO, 2, 0, FOREVER, 0 },
    { "echo, 40 words", "server", CALL, LABEL_ECHO, 40, FOREVER, FOREVER, 0 },
    { "busy request", "server", CALL, LABEL_BUSY, 1, FOREVER, FOREVER, 0 },
    { "echo with a zero send timeout, server busy", "server", CALL, LABEL_ECHO, 1, 0, FOREVER, 0 },
    { "echo with a 100 us send timeout, server busy", "server", CALL, LABEL_ECHO, 1, 100, FOREVER, 0 },
    { "echo with a 5000 us send timeout, server busy for a while", "server", CALL, LABEL_ECHO, 1,
      5000, FOREVER, 0 },
    { "request without reply, 300 us receive timeout", "server", CALL, LABEL_NO_REPLY, 1, FOREVER,
      300, 1000 },
    { "request announcing more", "server", CALL, LABEL_EXPECT_MORE, 1, FOREVER, FOREVER, 0 },
    { "send of the more", "server", SEND, LABEL_MORE, 2, FOREVER, FOREVER, 500 },
    { "call to a thread that has exited", "mortal", CALL, LABEL_ECHO, 1, FOREVER, FOREVER, 0 },
    { "call to a thread that does not exist", 0, CALL, LABEL_ECHO, 1, FOREVER, FOREVER, 0 },
    { "call with a 200 us send timeout to a thread that never receives", "idle", CALL, LABEL_ECHO,
      1, 200, FOREVER, 0 },
    { "done", "server", CALL, LABEL_DONE, 0, FOREVER, FOREVER, 0 },
};

static l4_timeout timeout_of(l4_word us)
{
    return us == FOREVER ? L4_TIMEOUT_NEVER : l4_timeout_us(us);
}

static l4_thread_id destination_of(const struct step *step)
{
    return step->to ? l4_lookup(step->to) : l4_thread_id_make(NO_SUCH_THREAD_NUMBER, 1);
}

static void load_words(l4_word label, l4_word count)
{
    l4_set_mr(0, l4_msg_tag_make(label, count, 0));
    for (l4_word i = 1; i <= count; i++)
        l4_set_mr(i, 11 * i);
}

static void print_outcome(l4_word number, const struct step *step, l4_ipc_result result)
{
    char outcome[OUTCOME_TEXT_SIZE];
    char from[L4_NAME_SIZE];
    char dope[DOPE_TEXT_SIZE];
    char words[WORDS_TEXT_SIZE];
    char reply[WORDS_TEXT_SIZE + 32] = "";
    if (step->kind == CALL && !l4_ipc_failed(result))
        l4_snprintf(reply, sizeof reply, ", label 0x%x, words %s",
                    l4_msg_tag_label(l4_msg_tag_current()), words_text(words));
    l4_printf("client: step %u, %s: %s, from %s, dope %s%s\n", number, step->what,
              outcome_text(result, outcome), thread_text(result.from, from),
              dope_text(result.dope, dope), reply);
}

int main(void)
{
    l4_sleep(SETTLE_US);
    for (l4_word i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        const struct step *step = &steps[i];
        l4_thread_id to = destination_of(step);
        load_words(step->label, step->words);
        l4_word timeouts = l4_timeouts(timeout_of(step->send_timeout_us),
                                       timeout_of(step->receive_timeout_us));
        l4_u64 start = l4_system_clock();
        l4_ipc_result result = l4_ipc(to, step->kind == CALL ? to : L4_NILTHREAD, timeouts,
                                      L4_SND_DESC_NONE);
        l4_u64 took = l4_system_clock() - start;
        print_outcome(i + 1, step, result);
        l4_printf("client: time: step %u took %llu us\n", i + 1, took);
        if (step->pause_after_us)
            l4_sleep(step->pause_after_us);
    }
    l4_sleep(SETTLE_US);
    l4_shutdown(0);
}
