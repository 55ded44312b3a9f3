/* The keeper: a privileged thread that sleeps in short steps and kicks (halt and resume, which
   cancels any IPC with error 3) every thread whose system call count has not moved since its
   last look, and restarts one that has not moved for two (a fault that nobody answers comes
   back at once), so that no fuzzer waits for ever and the run reaches its syscall budget. The
   keeper is privileged: a thread that has been stopped by a fault (or has ended) for a while it
   brings back, as the root's task churn does. */
#ifndef FUZZ_KEEPER_H
#define FUZZ_KEEPER_H

#include "fuzz_world.h"

__attribute__((noreturn)) void fuzz_keep_everyone_going(struct fuzz_thread *me);

#endif
