/* `l4emu bench`: creates 1,000 tasks between the two marks (thread_control and
   exchange_registers, common/spawn.h), then pages them while each calls the server once and
   then calls this creator to say it is done. It never answers those calls, so every task still
   exists, blocked, when the last one has reported: there it marks BENCH_MARK_SAMPLE, where
   the host reads its resident memory, and shuts down. Before the first mark it creates and at
   once deletes 1,000 tasks, which never run, so that the host's JIT has compiled the path. */
#include "common/bench.h"
#include "common/spawn.h"

#define TASKS 1000
#define FIRST_TASK_NUMBER 1024
#define FIRST_WARM_UP_NUMBER (FIRST_TASK_NUMBER + TASKS)
#define POOL 0x40000000u
#define POOL_SIZE (TASKS * SPAWN_STACK_PAGES * L4_PAGE_SIZE)
#define LABEL_PING 1
#define LABEL_DONE 2

static void fail(const char *what, l4_word code)
{
    l4_printf("bench_tasks: %s: %u\n", what, code);
    l4_shutdown(1);
}

/* Runs in each new task; its pager is the creator. */
static void ping_once(void)
{
    l4_load_message(LABEL_PING, 1, (l4_word[]){ l4_thread_number(l4_myself()) });
    l4_ipc_result pong = l4_call(l4_lookup("server"));
    l4_word answer_ok = !l4_ipc_failed(pong) && l4_mr(1) == l4_thread_number(l4_myself()) + 1;
    l4_load_message(LABEL_DONE, 1, &answer_ok);
    l4_call(l4_pager());
    l4_exit_thread();
}

static void create_all(void)
{
    for (l4_word i = 0; i < TASKS; i++) {
        l4_word result = spawn(l4_thread_id_make(FIRST_TASK_NUMBER + i, 1), ping_once);
        if (result != 0)
            fail("creating a task failed with error", result);
    }
}

static void warm_up(void)
{
    for (l4_word i = 0; i < BENCH_WARM_UP; i++) {
        l4_thread_id id = l4_thread_id_make(FIRST_WARM_UP_NUMBER + i, 1);
        l4_word result = spawn(id, ping_once);
        if (result == 0)
            result = l4_thread_control(id, L4_NILTHREAD, 0, 0);
        if (result != 0)
            fail("a warm-up creation or deletion failed with error", result);
    }
}

/* Serves the tasks' page faults until each has said it is done. */
static void page_until_done(struct spawner *spawner)
{
    l4_word done = 0;
    l4_ipc_result received = l4_wait();
    for (;;) {
        if (l4_ipc_failed(received))
            fail("receive failed with error", l4_ipc_error(received));
        l4_msg_tag tag = l4_msg_tag_current();
        if (l4_is_page_fault(tag)) {
            if (!spawner_serve_fault(spawner, tag))
                fail("a task faulted at an address this pager does not serve", l4_mr(1));
            received = l4_reply_wait(received.from);
            continue;
        }
        if (l4_msg_tag_label(tag) != LABEL_DONE || l4_mr(1) != 1)
            fail("a task's ping went wrong; label", l4_msg_tag_label(tag));
        if (++done == TASKS)
            return;
        received = l4_wait();
    }
}

int main(void)
{
    struct spawner spawner;
    spawner_init(&spawner, POOL, POOL_SIZE);
    warm_up();
    l4_kdebug_breakpoint(BENCH_MARK_START);
    create_all();
    l4_kdebug_breakpoint(BENCH_MARK_END);
    page_until_done(&spawner);
    l4_kdebug_breakpoint(BENCH_MARK_SAMPLE);
    l4_printf("bench_tasks: %u tasks created; each called the server and is still there\n", TASKS);
    l4_shutdown(0);
}
