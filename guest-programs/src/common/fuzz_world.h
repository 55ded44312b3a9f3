/* What every fuzz thread knows of the fuzz system (guest-programs/systems/fuzz.xml, or the one
   `l4emu fuzz` generates): the threads of the boot info page, the shared progress slots the
   keeper watches, the memory regions typed items and windows use, and its own state.

   Seed: the harness writes the run's 64-bit seed into every thread's UTCB ThreadWord0 (low
   word) and ThreadWord1 (high word) before the first instruction; booted without the harness
   the words are 0, which is seed 0. */
#ifndef FUZZ_WORLD_H
#define FUZZ_WORLD_H

#include <l4.h>
#include "fuzz_classes.h"
#include "fuzz_random.h"

/* Layout every task of a fuzz system shares; FuzzSystem.java writes the same numbers. */
#define FUZZ_SLOTS_ADDRESS 0x50000000u  /* <shared> "progress", rw in every task */
#define FUZZ_SOURCE_ADDRESS 0x60000000u /* <memory>: pages the fuzzer maps, grants and unmaps */
#define FUZZ_SOURCE_LOG2 16
#define FUZZ_WINDOW_ADDRESS 0x70000000u /* receive window: never touched, so mappings land harmlessly */
#define FUZZ_WINDOW_LOG2 16
#define FUZZ_UNMAPPED_ADDRESS 0x30000000u /* never mapped: forged pagers map pages here */
#define FUZZ_MAX_THREADS 96 /* the slots end where the rules board begins */
#define FUZZ_BOARD_ADDRESS (FUZZ_SLOTS_ADDRESS + 0xC00u)
#define FUZZ_BOARD_RULES 32

/* One per boot info entry, in the shared progress page. A thread deleted and created anew
   (thread_control) keeps its number and its slot but gets a new version: `id` is the current one. */
struct fuzz_slot {
    volatile l4_word syscalls;     /* bumped by the thread after each system call */
    volatile l4_word stack_top;    /* where a restart puts its stack pointer; 0 until known */
    volatile l4_thread_id id;      /* the thread's current ID; 0 until it first ran */
    volatile l4_word utcb_address; /* where its UTCB is, for creating it anew */
    volatile l4_word serving_percent; /* so that clients can find the servers */
    volatile l4_word receiving;       /* 1 while the thread waits in an open receive: senders aim at it */
    l4_word reserved[2];
};

/* The redirect rules the root added and has not removed, where every thread can read them (the
   root is the only thread whose redirect calls succeed), for the root to remove them again. A
   seqlock: odd while the root changes rules. */
struct fuzz_board {
    volatile l4_word generation;
    volatile l4_word count;
    volatile l4_thread_id latest_churned[2]; /* the root's two latest threads (task-churn) */
    struct {
        volatile l4_thread_id source, dest, monitor; /* thread IDs standing for tasks; anythread = any */
    } rules[FUZZ_BOARD_RULES];
    /* By boot info index: 1 once a rule the root added named the thread as its monitor. A thread
       no such rule ever named is on no path but those of the description's rules, whatever IPCs
       are still in flight: only then does it judge its own deceit (R3). */
    volatile l4_word ever_named[FUZZ_MAX_THREADS];
};

/* What a thread is doing, for its siblings (same task, so the same fuzz_thread array). */
enum fuzz_ipc_state { FUZZ_IPC_NONE, FUZZ_IPC_SENDING, FUZZ_IPC_RECEIVING };

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
    /* Its task's first thread: it forges no handlers, so that a live thread stays in the task for
       a stopped sibling to be made again beside (thread_control needs one, fuzz_revive). */
    int anchor;
    l4_word lifetime; /* system calls before a doomed thread exits or a crasher faults */
    l4_word serving_percent; /* how often it waits for calls and answers them, like a server */
    l4_word syscalls;
    struct fuzz_random random;
    struct fuzz_kept kept;
    l4_thread_id last_from;
    l4_msg_tag last_tag;        /* of the message received last, 0 once acted on */
    l4_word class_mask;         /* the enabled generator classes (bit i: class i) */
    enum fuzz_class current;    /* what the thread's next system calls are for */
    l4_thread_id home_pager;    /* the Pager word the thread started with */
    l4_word bootinfo_entries;   /* the boot info page's entry count, as first read */
    volatile l4_word ipc_state; /* enum fuzz_ipc_state, for siblings that rewrite its UTCB */
    volatile l4_thread_id ipc_partner; /* whom it sends to, while FUZZ_IPC_SENDING */
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

/* The thread's fuzz_thread of boot info entry `index`, in this task's memory (its siblings'). */
struct fuzz_thread *fuzz_thread_at(l4_word index);

/* Sets the class the thread's next system calls are for, where the host reads it (ThreadWord2). */
void fuzz_set_class(struct fuzz_thread *me, enum fuzz_class current);

int fuzz_class_enabled(const struct fuzz_thread *me, enum fuzz_class class);

struct fuzz_board *fuzz_board(void);

/* The task of thread `id` as a number: tasks counted in boot info order (entries of one task
   share the name before the dot), or -1 for a thread not in the boot info page. */
int fuzz_task_of(l4_thread_id id);

/* True when entries `a` and `b` are threads of one task. */
int fuzz_same_task(l4_word a, l4_word b);

/* A description rule (systems/fuzz.xml, FuzzSystem.REDIRECTS) would make IPC from `source` to a
   thread of `dest`'s task pass a monitor. */
int fuzz_static_path(l4_thread_id source, l4_thread_id dest);

/* R3 for the description's rules: one whose source matches `source`'s task names `monitor`. */
int fuzz_is_static_monitor_for(l4_thread_id monitor, l4_thread_id source);

/* True when (source, dest, monitor) is a rule of the description: no thread ever removes one. */
int fuzz_is_static_rule(l4_thread_id source, l4_thread_id dest, l4_thread_id monitor);

#endif
