/* Creating tasks at run time, the L4 way: a privileged task creates a new, empty task with
   thread_control(dest, space = dest, pager = itself, utcb), starts its thread at a function of
   its own image with exchange_registers, and then pages it: every page the new task touches
   faults to its creator, which maps its own code pages (read and execute only, so the new task
   cannot write them) and fresh stack pages from a pool in its own <memory> region.
   A spawned function runs on that stack only: it must not use global variables. */
#ifndef COMMON_SPAWN_H
#define COMMON_SPAWN_H

#include <l4.h>

#define SPAWN_UTCB 0xBFF00000u
#define SPAWN_STACK_TOP 0xBFF00000u
#define SPAWN_STACK_PAGES 2

struct spawner {
    l4_word pool_next; /* the next unused pool page */
    l4_word pool_end;
};

/* `pool` is a region of the creator's <memory>, at least SPAWN_STACK_PAGES pages per task. */
void spawner_init(struct spawner *spawner, l4_word pool, l4_word pool_size);

/* Creates the task of thread `id` and starts it at `entry`. Returns 0 or thread_control's
   (then exchange_registers') error code. */
l4_word spawn(l4_thread_id id, void (*entry)(void));

/* Loads the reply to the page fault in the UTCB (just received from a spawned task): the
   creator's own page, or a fresh stack page. Returns 0, loading nothing, for an address it
   does not serve or when the pool is used up. */
int spawner_serve_fault(struct spawner *spawner, l4_msg_tag fault);

#endif
