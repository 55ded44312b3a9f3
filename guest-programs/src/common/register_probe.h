/* Makes one system call with every register set to a known value and the condition flags to
   each of a few patterns, and reports every register other than the call's results that came
   back changed (docs/abi.md section 1.1: all of them are preserved, the call-number register
   and the flags included). */
#ifndef SCENARIO_REGISTER_PROBE_H
#define SCENARIO_REGISTER_PROBE_H

#include <l4.h>

struct probed_call {
    const char *name;
    l4_word number;
    l4_word arguments[4]; /* those the call takes; the other registers keep their pattern */
    l4_word results; /* bit i set: result i may change */
};

/* How many times probe_call() makes the call: once per flag pattern. */
l4_word probe_runs(void);

/* Prints "name: every other register kept", or a line per changed register; returns the number
   of runs that changed something besides the results. */
int probe_call(const struct probed_call *call);

#endif
