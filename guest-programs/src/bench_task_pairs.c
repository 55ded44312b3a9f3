/* `l4emu bench`: creates a task and deletes it again, 1,000 times between the two marks
   (thread_control and exchange_registers, common/spawn.h, then thread_control(dest, nilthread),
   which frees the task with its last thread). The tasks never run: the creator does not block
   between creating and deleting. Before the first mark the same 1,000 pairs warm the host's
   JIT up, as the round trips' warm-up calls do. */
#include "common/bench.h"
#include "common/spawn.h"

#define PAIRS 1000
#define FIRST_TASK_NUMBER 1024

static void never_runs(void)
{
    l4_exit_thread();
}

static void create_and_delete(l4_word first_number)
{
    for (l4_word i = 0; i < PAIRS; i++) {
        l4_thread_id id = l4_thread_id_make(first_number + i, 1);
        l4_word result = spawn(id, never_runs);
        if (result == 0)
            result = l4_thread_control(id, L4_NILTHREAD, 0, 0);
        if (result != 0) {
            l4_printf("bench_task_pairs: creating or deleting a task failed with error %u\n", result);
            l4_shutdown(1);
        }
    }
}

int main(void)
{
    create_and_delete(FIRST_TASK_NUMBER + PAIRS);
    l4_kdebug_breakpoint(BENCH_MARK_START);
    create_and_delete(FIRST_TASK_NUMBER);
    l4_kdebug_breakpoint(BENCH_MARK_END);
    l4_shutdown(0);
}
