/* Redirect calls as every fuzz thread makes them: the description's rules are never removed (the
   guest oracles rely on them), and the root records what its calls changed on the rules board
   (struct fuzz_board), under its seqlock, for the deceit oracle. */
#ifndef FUZZ_RULES_H
#define FUZZ_RULES_H

#include "fuzz_world.h"

/* redirect(op, source, dest, monitor), counted; returns the result. A removal of a description
   rule is made a removal of nothing (anythread for all three). */
l4_word fuzz_redirect(struct fuzz_thread *me, l4_word op, l4_thread_id source, l4_thread_id dest,
                      l4_thread_id monitor);

/* A rule the root added and has not removed, at random; 0 when there is none. */
int fuzz_board_pick(struct fuzz_thread *me, l4_thread_id *source, l4_thread_id *dest, l4_thread_id *monitor);

#endif
