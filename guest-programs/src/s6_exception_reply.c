/*
 * S6, S5: mappings in the reply to an exception. Only a reply to a page-fault message takes
 * mappings anywhere in the faulting thread's space; the reply to an exception message is
 * received through the thread's own receive window (BR0), as any message is (L4 X.2).
 *
 * Roles: `handler` is the pager and exception handler of both threads of `client` (servants,
 * common/remote.h). It answers an udf with a reply that resumes the thread after it and carries a
 * map item of a page of its own pool, send base SEND_BASE.
 * - `client` has no window (BR0 nil): the reply fails with error 4 for the handler, nothing is
 *   mapped, and the exception is unresolved: the kernel stops the thread with a report.
 * - `client.second` takes a one-page window at WINDOW first: the page lands there, not at the
 *   send base, and the thread resumes.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/remote.h"

#define POOL 0x40000000u
#define POOL_WORD 0xfeed0001u
#define WINDOW 0x60000000u
#define SEND_BASE 0x70000000u
#define LABEL_GO 0x51

/* An exception resumes the servant after the udf with the pool page mapped at SEND_BASE; a page
   fault is left unresolved, for the handler to count. */
static int reply_with_a_mapping(l4_thread_id servant, l4_msg_tag fault)
{
    (void)servant;
    if (!l4_is_exception(fault))
        return 0;
    l4_word ip = l4_mr(L4_EXCEPTION_IP_MR) + remote_exception_length(REMOTE_UDF);
    l4_word sp = l4_mr(L4_EXCEPTION_SP_MR);
    l4_set_mr(0, l4_msg_tag_make(0, 2, 2));
    l4_set_mr(1, ip);
    l4_set_mr(2, sp);
    l4_set_typed_item(3, L4_ITEM_MAP, SEND_BASE, l4_fpage_page(POOL, L4_RIGHTS_R));
    return 1;
}

static struct remote_result command(l4_thread_id servant, enum remote_command what, l4_word count,
                                    const l4_word *words)
{
    return remote_command(servant, what, count, words, reply_with_a_mapping);
}

static struct remote_result raise_udf(l4_thread_id servant)
{
    return command(servant, REMOTE_RAISE, 2, (l4_word[]){ l4_myself(), REMOTE_UDF });
}

static void handler(void)
{
    *(volatile l4_word *)POOL = POOL_WORD;
    l4_thread_id first = l4_lookup("client");
    l4_thread_id second = l4_lookup("client.second");

    struct remote_result nil_window = raise_udf(first);
    expect_value("S6 the handler receives the udf", nil_window.faults, 1);
    expect_ipc("S6 exception reply with a map item to a thread whose window is nil", untimed(nil_window.ipc),
               fails(L4_ERROR_MESSAGE_OVERFLOW, L4_PHASE_SEND, unmeasured()));

    command(second, REMOTE_ACCEPT, 2, (l4_word[]){ l4_fpage_page(WINDOW, 0), l4_myself() });
    l4_load_message(LABEL_GO, 0, 0);
    l4_send_timeout(second, l4_timeout_us(PATIENT_US));
    struct remote_result in_window = raise_udf(second);
    expect_ipc("S6 exception reply with a map item to a thread with a one-page window", untimed(in_window.ipc),
               succeeds(unmeasured()));
    expect_yes("S6 the thread resumed after the udf", in_window.faults == 1 && in_window.mrs_intact);

    struct remote_result at_window = command(second, REMOTE_READ, 1, (l4_word[]){ WINDOW });
    expect_yes("S6 the page landed in the window: the thread reads it there without a fault",
               at_window.faults == 0 && at_window.value == POOL_WORD && !l4_ipc_failed(at_window.ipc));
    struct remote_result at_send_base = command(second, REMOTE_READ, 1, (l4_word[]){ SEND_BASE });
    expect_yes("S6 nothing landed at the send base: reading it page faults",
               at_send_base.faults == 1 && l4_is_page_fault(at_send_base.first_fault)
                   && at_send_base.first_fault_words[0] == SEND_BASE);
    finish("S6");
}

static void servant(void)
{
    remote_serve(l4_lookup("handler"));
}

static const struct role roles[] = {
    { "handler", handler },
    { "client", servant },
    { "client.second", servant },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}

/* The entry of the client task's second thread. */
L4_THREAD_ENTRY void second_thread(void)
{
    PLAY_MY_ROLE(roles);
}
