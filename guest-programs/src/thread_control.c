/*
 * thread_control and exchange_registers at run time (docs/abi.md section 3): a privileged task
 * creates a thread in its own task and a new task (common/spawn.h) that runs its code, paged by
 * it; deletes them; and gets the argument errors. An unprivileged task may do neither call on
 * another task's threads.
 *
 * Roles: `creator` (privileged); `server` answers calls with MR1 + 1; `commoner` tries the
 * privileged calls and reports what they answered.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/spawn.h"
#include "common/bench.h"
#include "common/probe.h"

#define POOL 0x40000000u
#define POOL_SIZE 0x8000u
#define WORKER_NUMBER 300
#define CHILD_NUMBER 301
#define UNUSED_NUMBER 302
#define WORKER_UTCB (SPAWN_UTCB + 512)
#define WORKER_STACK_WORDS 512
#define SHARED_MARK 0x5ca1ab1eu
#define LABEL_REPORT 0x50
#define LABEL_COMMONER 0x51
#define CHILD_QUESTION 42

static volatile l4_word shared_mark;
static l4_word worker_stack[WORKER_STACK_WORDS] __attribute__((aligned(8)));

/* Runs in the creator's own task: it sees the creator's memory. */
static void worker(void)
{
    l4_load_message(LABEL_REPORT, 3, (l4_word[]){ l4_myself(), l4_pager(), shared_mark });
    l4_send(l4_lookup("creator"));
    l4_exit_thread();
}

/* Runs in the new task, on a stack its creator maps; no globals but this one, written last. */
static volatile l4_word written_by_child;

static void child(void)
{
    l4_load_message(1, 1, (l4_word[]){ CHILD_QUESTION });
    l4_ipc_result answer = l4_call(l4_lookup("server"));
    l4_word answered = l4_ipc_failed(answer) ? 0 : l4_mr(1);
    l4_load_message(LABEL_REPORT, 3, (l4_word[]){ l4_myself(), l4_pager(), answered });
    l4_call(l4_pager());
    written_by_child = 1; /* the creator's page, mapped read-only here: faults */
    l4_exit_thread();
}

static void thread_in_own_task(l4_thread_id creator)
{
    l4_thread_id id = l4_thread_id_make(WORKER_NUMBER, 1);
    shared_mark = SHARED_MARK;
    expect_value("thread_control: a thread in the creator's own task", l4_thread_control(id, creator, creator,
                                                                                          WORKER_UTCB), 0);
    expect_value("exchange_registers: setting its sp and ip and starting it",
                 l4_exchange_registers(id, L4_EXREGS_SET_SP_IP | L4_EXREGS_RESUME,
                                       (l4_word)&worker_stack[WORKER_STACK_WORDS], (l4_word)worker)
                     .result,
                 0);
    l4_ipc_result report = l4_receive_timeout(id, l4_timeout_us(PATIENT_US));
    expect_yes("thread_control: it runs; l4_myself() there is the ID given",
               !l4_ipc_failed(report) && l4_mr(1) == id);
    expect_yes("thread_control: its pager is the one given", l4_mr(2) == creator);
    expect_yes("thread_control: it shares the creator's memory", l4_mr(3) == SHARED_MARK);
}

/* Serves the new task's page faults until its report arrives; returns the report's words. */
static l4_ipc_result page_child_until_report(struct spawner *spawner, l4_thread_id id, l4_word *faults)
{
    for (;;) {
        l4_ipc_result received = l4_receive_timeout(id, l4_timeout_us(PATIENT_US));
        if (l4_ipc_failed(received) || !l4_is_page_fault(l4_msg_tag_current()))
            return received;
        (*faults)++;
        if (!spawner_serve_fault(spawner, l4_msg_tag_current()))
            return received;
        l4_reply(id);
    }
}

static void new_task(l4_thread_id creator)
{
    struct spawner spawner;
    spawner_init(&spawner, POOL, POOL_SIZE);
    l4_thread_id id = l4_thread_id_make(CHILD_NUMBER, 1);
    expect_value("thread_control: a new task (space = dest), started with exchange_registers", spawn(id, child), 0);
    l4_word faults = 0;
    l4_ipc_result report = page_child_until_report(&spawner, id, &faults);
    expect_yes("thread_control: the new task runs the creator's code, each page faulting to the creator",
               !l4_ipc_failed(report) && faults >= 2);
    expect_value("thread_control: it called the server with 42 and got", l4_mr(3), CHILD_QUESTION + 1);
    expect_yes("thread_control: l4_myself() there is the ID given", l4_mr(1) == id);
    expect_yes("thread_control: its pager is the creator", l4_mr(2) == creator);

    l4_load_message(0, 0, 0);
    l4_ipc_result fault = l4_ipc(id, id, l4_timeouts(L4_TIMEOUT_ZERO, l4_timeout_us(PATIENT_US)),
                                 L4_SND_DESC_NONE);
    char text[PROBE_TEXT_SIZE];
    expect_text("thread_control: its write to the creator's page, mapped read-only there",
                !l4_ipc_failed(fault) && l4_is_page_fault(l4_msg_tag_current())
                    ? l4_snprintf(text, sizeof text, "page fault (%s)", fault_access_name(l4_msg_tag_current()))
                    : "no fault",
                "page fault (write)");
    expect_value("thread_control: deleting the new task's thread, left waiting for its pager",
                 l4_thread_control(id, L4_NILTHREAD, 0, 0), 0);
    l4_load_message(0, 0, 0);
    expect_ipc("thread_control: a send to the deleted thread", untimed(l4_send_timeout(id, L4_TIMEOUT_ZERO)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, unmeasured()));
}

static void argument_errors(l4_thread_id creator)
{
    l4_thread_id unused = l4_thread_id_make(UNUSED_NUMBER, 1);
    expect_value("thread_control: a thread number in use", l4_thread_control(creator, creator, creator, WORKER_UTCB),
                 L4_ERROR_INVALID_ARGUMENT);
    expect_value("thread_control: a number the kernel reserves (5)",
                 l4_thread_control(l4_thread_id_make(5, 1), creator, creator, WORKER_UTCB), L4_ERROR_INVALID_ARGUMENT);
    expect_value("thread_control: version 0", l4_thread_control(l4_thread_id_make(UNUSED_NUMBER, 0), creator, creator,
                                                                 WORKER_UTCB),
                 L4_ERROR_INVALID_ARGUMENT);
    expect_value("thread_control: a UTCB that is not 512-byte aligned",
                 l4_thread_control(unused, creator, creator, WORKER_UTCB + 256), L4_ERROR_INVALID_ARGUMENT);
    expect_value("thread_control: a UTCB on the boot info page",
                 l4_thread_control(unused, creator, creator, L4_BOOTINFO_ADDRESS), L4_ERROR_INVALID_ARGUMENT);
    expect_value("thread_control: a UTCB in kernel memory",
                 l4_thread_control(unused, creator, creator, 0xC0000000u), L4_ERROR_INVALID_ARGUMENT);
    expect_value("thread_control: the UTCB of a live thread of that task",
                 l4_thread_control(unused, creator, creator, SPAWN_UTCB), L4_ERROR_INVALID_ARGUMENT);
    expect_value("thread_control: a space named by a thread that does not exist",
                 l4_thread_control(unused, l4_thread_id_make(UNUSED_NUMBER + 1, 1), creator, WORKER_UTCB),
                 L4_ERROR_NO_PARTNER);
    expect_value("thread_control: deleting a thread that does not exist",
                 l4_thread_control(unused, L4_NILTHREAD, 0, 0), L4_ERROR_NO_PARTNER);
}

static void unprivileged(void)
{
    l4_ipc_result report = l4_receive_timeout(l4_lookup("commoner"), l4_timeout_us(PATIENT_US));
    expect_value("thread_control from an unprivileged task", l4_ipc_failed(report) ? 0 : l4_mr(1),
                 L4_ERROR_NOT_PERMITTED);
    expect_value("exchange_registers from an unprivileged task on another task's thread", l4_mr(2),
                 L4_ERROR_NOT_PERMITTED);
}

static void creator(void)
{
    l4_thread_id me = l4_myself();
    thread_in_own_task(me);
    new_task(me);
    argument_errors(me);
    unprivileged();
    finish("thread_control");
}

static void commoner(void)
{
    l4_thread_id creator = l4_lookup("creator");
    l4_word created = l4_thread_control(l4_thread_id_make(UNUSED_NUMBER, 1), l4_thread_id_make(UNUSED_NUMBER, 1),
                                        creator, SPAWN_UTCB);
    l4_word halted = l4_exchange_registers(creator, L4_EXREGS_HALT, 0, 0).result;
    l4_load_message(LABEL_COMMONER, 2, (l4_word[]){ created, halted });
    l4_send(creator);
}

static void server(void)
{
    bench_serve();
}

static const struct role roles[] = {
    { "creator", creator },
    { "server", server },
    { "commoner", commoner },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
