/* The life of a fuzz thread: its role (fuzzer, keeper, doomed, crasher) and the loop of random
   system calls. */
#ifndef FUZZ_LOOP_H
#define FUZZ_LOOP_H

/* Runs the calling thread's role for ever (or until a doomed thread exits, a crasher faults). */
__attribute__((noreturn)) void fuzz_run(void);

#endif
