/* Rule scenarios print each observation as one line that names the rule and would read
   differently if the rule broke, then a verdict, then shut down with 0 (pass) or 1 (fail). */
#ifndef SCENARIO_EXPECT_H
#define SCENARIO_EXPECT_H

#include <l4.h>

/* A virtual-time window for an elapsed time, printed "~N us" when the time falls inside. */
struct time_window {
    int measured;
    l4_u64 earliest_us;
    l4_u64 latest_us;
    l4_word nominal_us;
};

/* A timeout expires exactly at its virtual time, but the measurement brackets the IPC with two
   system_clock calls: up to 1 us for each of the three system calls, plus the few instructions
   between them, plus up to 1 more after rounding both readings down to whole microseconds. */
#define CLOCK_SLACK_US 4
/* When a partner thread's timing decides the time, whichever of the two threads the kernel
   runs first shifts it by a few microseconds either way. */
#define PARTNER_SLACK_US 10

/* What other threads' work (printing, forwarding) may add when they run before the measuring
   one sees its result. */
#define OTHERS_WORK_US 100

struct time_window at_once(void);
struct time_window expiring_after(l4_word us); /* [us, us + CLOCK_SLACK_US] */
struct time_window about(l4_word us);          /* us +- PARTNER_SLACK_US */
struct time_window unmeasured(void);
struct time_window at_least(l4_word us);       /* [us, us + OTHERS_WORK_US] */

struct timed_result {
    l4_ipc_result ipc;
    l4_u64 elapsed_us;
};

/* l4_ipc bracketed by two clock readings. */
struct timed_result timed_ipc(l4_thread_id to, l4_thread_id from_spec, l4_word timeouts,
                              l4_word snd_desc);
struct timed_result untimed(l4_ipc_result result);
/* The message in the MRs sent to `to` under a send timeout of `send` with `snd_desc`, timed. */
struct timed_result timed_send(l4_thread_id to, l4_timeout send, l4_word snd_desc);

struct expectation {
    l4_word error;
    enum l4_phase phase;
    struct time_window when;
};

struct expectation succeeds(struct time_window when);
struct expectation fails(enum l4_error error, enum l4_phase phase, struct time_window when);

/* "what: error 1 (timeout), phase send, after ~500 us" */
void expect_ipc(const char *what, struct timed_result observed, struct expectation expected);
/* "what: yes" */
void expect_yes(const char *what, int observed);
/* "what: 9" */
void expect_value(const char *what, l4_word observed, l4_word expected);
/* "what: 0x5a000003", for addresses, IDs and words read from memory */
void expect_hex(const char *what, l4_word observed, l4_word expected);
/* "what: observed" */
void expect_text(const char *what, const char *observed, const char *expected);

/* "RULE verdict: PASS", then shutdown(0); or "RULE verdict: FAIL (n checks failed)", shutdown(1). */
__attribute__((noreturn)) void finish(const char *rule);

/* Lets every other thread run on to its first blocking point before timing starts. */
void settle(void);

#endif
