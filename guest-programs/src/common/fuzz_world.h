/* What every fuzz thread knows of the fuzz system (guest-programs/systems/fuzz.xml, or the one
   `l4emu fuzz` generates): the threads of the boot info page, the shared progress slots the
   keeper watches, the memory regions typed items and windows use, and its own state.

   Seed: the harness writes the run's 64-bit seed into every thread's UTCB ThreadWord0 (low
   word) and ThreadWord1 (high word) before the first instruction; booted without the harness
   the words are 0, which is seed 0. */
#ifndef FUZZ_WORLD_H
#define FUZZ_WORLD_H

#include <l4.h>
#include "fuzz_random.h"

/* Layout every task of a fuzz system shares; FuzzSystem.java writes the same numbers. */
#define FUZZ_SLOTS_ADDRESS 0x50000000u  /* <shared> "progress", rw in every task */
#define FUZZ_SOURCE_ADDRESS 0x60000000u /* <memory>: pages the fuzzer maps, grants and unmaps */
#define FUZZ_SOURCE_LOG2 16
#define FUZZ_WINDOW_ADDRESS 0x70000000u /* receive window: never touched, so mappings land harmlessly */
#define FUZZ_WINDOW_LOG2 16
#define FUZZ_MAX_THREADS 128

/* One per boot info entry, in the shared progress page. A thread deleted and created anew
   (thread_control) keeps its number and its slot but gets a new version: `id` is the current one. */
struct fuzz_slot {
    volatile l4_word syscalls;     /* bumped by the thread after each system call */
    volatile l4_word stack_top;    /* where a restart puts its stack pointer; 0 until known */
    volatile l4_thread_id id;      /* the thread's current ID; 0 until it first ran */
    volatile l4_word utcb_address; /* where its UTCB is, for creating it anew */
    volatile l4_word serving_percent; /* so that clients can find the servers */
    l4_word reserved[3];
};

enum fuzz_role {
    FUZZ_ROLE_FUZZER,  /* random system calls for ever */
    FUZZ_ROLE_KEEPER,  /* "keeper": kicks threads that stopped making progress */
    FUZZ_ROLE_DOOMED,  /* "*.doomed": fuzzes, then exits: a dead partner for the others */
    FUZZ_ROLE_CRASHER, /* "*.crasher": fuzzes, then faults: a stopped partner */
};

/* A redirected message a monitor keeps to act on (R2, R3). */
struct fuzz_kept {
    int valid;
    l4_thread_id from;
    l4_word dope;
    l4_thread_id intended_receiver;
    l4_thread_id blocked_source;
    l4_thread_id controlling_monitor;
    l4_word delay_us;
};

struct fuzz_thread {
    int started;
    l4_word index; /* boot info entry */
    l4_thread_id myself;
    enum fuzz_role role;
    int monitor;    /* the task is marked monitor="true" */
    int privileged;
    l4_word lifetime; /* system calls before a doomed thread exits or a crasher faults */
    l4_word serving_percent; /* how often it waits for calls and answers them, like a server */
    l4_word syscalls;
    struct fuzz_random random;
    struct fuzz_kept kept;
    l4_thread_id last_from;
};

l4_word fuzz_thread_count(void);
const struct l4_bootinfo_entry *fuzz_entry(l4_word index);
struct fuzz_slot *fuzz_slot(l4_word index);
l4_thread_id fuzz_keeper(void);
/* The current ID of boot info entry `index`'s thread (its slot's, once it has run). */
l4_thread_id fuzz_current_id(l4_word index);
/* The boot info entry of thread number `number`, or FUZZ_MAX_THREADS. */
l4_word fuzz_index_of(l4_thread_id id);

/* The calling thread's state, set up at its first start and kept across restarts and
   re-creations (found by thread number). */
struct fuzz_thread *fuzz_me(void);

/* Counts one system call of the calling thread where the keeper sees it. */
void fuzz_count(struct fuzz_thread *me);

#endif
