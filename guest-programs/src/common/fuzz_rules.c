#include "fuzz_rules.h"

#define ACTION_MASK 0xffu
#define ACTION_ADD 0u
#define ACTION_REMOVE 1u

static void board_add(l4_thread_id source, l4_thread_id dest, l4_thread_id monitor)
{
    struct fuzz_board *board = fuzz_board();
    l4_word index = fuzz_index_of(monitor);
    if (index < FUZZ_MAX_THREADS)
        board->ever_named[index] = 1;
    if (board->count == FUZZ_BOARD_RULES)
        return; /* not kept for removal: it stays, as the description's do */
    board->rules[board->count].source = source;
    board->rules[board->count].dest = dest;
    board->rules[board->count].monitor = monitor;
    board->count++;
}

/* The kernel removes every rule with this source task, destination task and monitor thread. */
static void board_remove(l4_thread_id source, l4_thread_id dest, l4_thread_id monitor)
{
    struct fuzz_board *board = fuzz_board();
    for (l4_word i = 0; i < board->count;) {
        int same_source = source == L4_ANYTHREAD ? board->rules[i].source == L4_ANYTHREAD
                                                 : fuzz_task_of(board->rules[i].source) == fuzz_task_of(source);
        int same_dest = dest == L4_ANYTHREAD ? board->rules[i].dest == L4_ANYTHREAD
                                             : fuzz_task_of(board->rules[i].dest) == fuzz_task_of(dest);
        if (same_source && same_dest && board->rules[i].monitor == monitor) {
            board->count--;
            board->rules[i].source = board->rules[board->count].source;
            board->rules[i].dest = board->rules[board->count].dest;
            board->rules[i].monitor = board->rules[board->count].monitor;
        } else {
            i++;
        }
    }
}

l4_word fuzz_redirect(struct fuzz_thread *me, l4_word op, l4_thread_id source, l4_thread_id dest,
                      l4_thread_id monitor)
{
    if ((op & ACTION_MASK) == ACTION_REMOVE && fuzz_is_static_rule(source, dest, monitor))
        source = dest = monitor = L4_ANYTHREAD;
    struct fuzz_board *board = fuzz_board();
    if (me->privileged)
        board->generation++; /* odd: the rules are changing */
    l4_word result = l4_redirect(op, source, dest, monitor);
    fuzz_count(me);
    if (me->privileged && result == 0) {
        if ((op & ACTION_MASK) == ACTION_ADD)
            board_add(source, dest, monitor);
        else
            board_remove(source, dest, monitor);
    }
    if (me->privileged)
        board->generation++;
    return result;
}

int fuzz_board_pick(struct fuzz_thread *me, l4_thread_id *source, l4_thread_id *dest, l4_thread_id *monitor)
{
    struct fuzz_board *board = fuzz_board();
    if (board->count == 0)
        return 0;
    l4_word i = fuzz_below(&me->random, board->count);
    *source = board->rules[i].source;
    *dest = board->rules[i].dest;
    *monitor = board->rules[i].monitor;
    return 1;
}
