/*
 * P3 Deleting a task's last thread frees all it held, and running out of physical memory is
 * error 6, never a host error.
 *
 * `churner` (privileged) creates and deletes tasks in a loop, more rounds than physical memory
 * could hold tasks if deletion freed nothing; every so often the new task runs and is paged from
 * the churner's pool (mappings derived from the churner's pages, which deletion must revoke).
 * Then it creates tasks without deleting them until thread_control answers 6 (every allocation a
 * new task needs: its page table, the boot info page's table, its UTCB page), deletes them all,
 * and churns on.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/spawn.h"

#define POOL 0x40000000u
#define POOL_SIZE (SPAWN_STACK_PAGES * L4_PAGE_SIZE)
#define CHURN_ROUNDS 30000
#define RUN_EVERY 1000
#define CHURN_NUMBER 200
#define FIRST_HOARD_NUMBER 1000
#define MAX_HOARD 60000
#define DONE_LABEL 0x70

/* Runs in the spawned task, on its own stack: no globals. */
static void say_done(void)
{
    l4_set_mr(0, l4_msg_tag_make(DONE_LABEL, 0, 0));
    l4_send(l4_pager());
    l4_sleep_forever();
}

/* Pages the spawned task `id` until it says it is done; 0 when it does. */
static int page_until_done(l4_thread_id id, struct spawner *spawner)
{
    for (;;) {
        l4_ipc_result got = l4_receive_timeout(id, l4_timeout_us(PATIENT_US));
        if (l4_ipc_failed(got))
            return 0;
        l4_msg_tag tag = l4_msg_tag_current();
        if (l4_msg_tag_label(tag) == DONE_LABEL)
            return 1;
        if (!spawner_serve_fault(spawner, tag) || l4_ipc_failed(l4_reply(id)))
            return 0;
    }
}

static void churn(void)
{
    l4_word failures = 0, runs = 0;
    for (l4_word round = 0; round < CHURN_ROUNDS; round++) {
        l4_thread_id id = l4_thread_id_make(CHURN_NUMBER, 1 + round % L4_THREAD_VERSION_MASK);
        if (round % RUN_EVERY == 0) {
            struct spawner spawner;
            spawner_init(&spawner, POOL, POOL_SIZE); /* the pool's pages come back with each deletion */
            if (spawn(id, say_done) != 0 || !page_until_done(id, &spawner))
                failures++;
            runs++;
        } else if (l4_thread_control(id, id, l4_myself(), SPAWN_UTCB) != 0) {
            failures++;
        }
        if (l4_thread_control(id, L4_NILTHREAD, L4_NILTHREAD, 0) != 0)
            failures++;
    }
    char what[120];
    l4_snprintf(what, sizeof what, "P3 %u tasks created and deleted, %u of them run and paged from the pool:"
                " failures", CHURN_ROUNDS, runs);
    expect_value(what, failures, 0);
}

/* After the hoard: a few hundred rounds more show that its memory came back. */
static void churn_again(void)
{
    l4_word failures = 0;
    for (l4_word round = 0; round < 500; round++) {
        l4_thread_id id = l4_thread_id_make(CHURN_NUMBER, 1 + round);
        if (l4_thread_control(id, id, l4_myself(), SPAWN_UTCB) != 0
            || l4_thread_control(id, L4_NILTHREAD, L4_NILTHREAD, 0) != 0)
            failures++;
    }
    expect_value("P3 after deleting them all, tasks are created and deleted again: failures", failures, 0);
}

static l4_thread_id hoard_id(l4_word i)
{
    return l4_thread_id_make(FIRST_HOARD_NUMBER + i, 1);
}

/* Creates tasks until thread_control fails; returns how many it created, `answer` its answer. */
static l4_word hoard(l4_word *answer)
{
    l4_word count = 0;
    *answer = 0;
    while (count < MAX_HOARD) {
        *answer = l4_thread_control(hoard_id(count), hoard_id(count), l4_myself(), SPAWN_UTCB);
        if (*answer != 0)
            break;
        count++;
    }
    return count;
}

static l4_word delete_hoard(l4_word count)
{
    l4_word failures = 0;
    for (l4_word i = 0; i < count; i++) {
        if (l4_thread_control(hoard_id(i), L4_NILTHREAD, L4_NILTHREAD, 0) != 0)
            failures++;
    }
    return failures;
}

static void exhaust(void)
{
    l4_word answer;
    l4_word first = hoard(&answer);
    expect_yes("P3 tasks created without deleting until physical memory runs out: more than 1000",
               first > 1000 && first < MAX_HOARD);
    expect_value("P3 and then thread_control answers 6 (not permitted)", answer, L4_ERROR_NOT_PERMITTED);
    expect_value("P3 deleting them all: failures", delete_hoard(first), 0);
}

/* Threads of the churner's own task: each deleted thread's slot and UTCB are free again. */
static void churn_own_threads(void)
{
    l4_word failures = 0;
    for (l4_word round = 0; round < 5000; round++) {
        l4_thread_id id = l4_thread_id_make(CHURN_NUMBER + 1, 1 + round);
        if (l4_thread_control(id, l4_myself(), l4_myself(), SPAWN_UTCB + 0x200) != 0
            || l4_thread_control(id, L4_NILTHREAD, L4_NILTHREAD, 0) != 0)
            failures++;
    }
    expect_value("P3 5000 threads created and deleted in the churner's own task, on one UTCB: failures", failures, 0);
}

static void churner(void)
{
    churn();
    exhaust();
    churn_again();
    churn_own_threads();
    finish("P3");
}

static const struct role roles[] = {
    { "churner", churner },
};

void main(void)
{
    PLAY_MY_ROLE(roles);
}
