#include "expect.h"

#define SETTLE_US 100

static l4_word failed_checks;

struct time_window at_once(void)
{
    return expiring_after(0);
}

struct time_window expiring_after(l4_word us)
{
    return (struct time_window){ 1, us, (l4_u64)us + CLOCK_SLACK_US, us };
}

struct time_window about(l4_word us)
{
    l4_word below = us < PARTNER_SLACK_US ? us : PARTNER_SLACK_US;
    return (struct time_window){ 1, us - below, (l4_u64)us + PARTNER_SLACK_US, us };
}

struct time_window at_least(l4_word us)
{
    return (struct time_window){ 1, us, (l4_u64)us + OTHERS_WORK_US, us };
}

struct time_window unmeasured(void)
{
    return (struct time_window){ 0, 0, 0, 0 };
}

struct timed_result timed_ipc(l4_thread_id to, l4_thread_id from_spec, l4_word timeouts,
                              l4_word snd_desc)
{
    l4_u64 start = l4_system_clock();
    l4_ipc_result result = l4_ipc(to, from_spec, timeouts, snd_desc);
    l4_u64 end = l4_system_clock();
    return (struct timed_result){ result, end - start };
}

struct timed_result timed_send(l4_thread_id to, l4_timeout send, l4_word snd_desc)
{
    return timed_ipc(to, L4_NILTHREAD, l4_timeouts(send, L4_TIMEOUT_NEVER), snd_desc);
}

struct timed_result untimed(l4_ipc_result result)
{
    return (struct timed_result){ result, 0 };
}

struct expectation succeeds(struct time_window when)
{
    return (struct expectation){ L4_ERROR_NONE, L4_PHASE_SEND, when };
}

struct expectation fails(enum l4_error error, enum l4_phase phase, struct time_window when)
{
    return (struct expectation){ error, phase, when };
}

static void record(int ok)
{
    if (!ok)
        failed_checks++;
}

static int within(struct time_window window, l4_u64 elapsed_us)
{
    return !window.measured || (elapsed_us >= window.earliest_us && elapsed_us <= window.latest_us);
}

/* The phase means something only with an error. */
static int same_outcome(l4_word dope, struct expectation expected)
{
    l4_word error = l4_dope_error(dope);
    return error == expected.error && (error == L4_ERROR_NONE || l4_dope_phase(dope) == expected.phase);
}

void expect_ipc(const char *what, struct timed_result observed, struct expectation expected)
{
    char outcome[L4_DOPE_TEXT_SIZE];
    char after[32] = "";
    if (expected.when.measured) {
        if (within(expected.when, observed.elapsed_us))
            l4_snprintf(after, sizeof after, ", after ~%u us", expected.when.nominal_us);
        else
            l4_snprintf(after, sizeof after, ", after %llu us", observed.elapsed_us);
    }
    l4_printf("%s: %s%s\n", what, l4_describe_dope(observed.ipc.dope, outcome), after);

    int ok = same_outcome(observed.ipc.dope, expected) && within(expected.when, observed.elapsed_us);
    if (!ok) {
        l4_describe_dope(l4_dope_make_error(expected.error, expected.phase), outcome);
        if (expected.when.measured)
            l4_printf("  expected %s, after %llu..%llu us\n", outcome, expected.when.earliest_us,
                      expected.when.latest_us);
        else
            l4_printf("  expected %s\n", outcome);
    }
    record(ok);
}

void expect_yes(const char *what, int observed)
{
    l4_printf("%s: %s\n", what, observed ? "yes" : "no");
    record(observed);
}

void expect_value(const char *what, l4_word observed, l4_word expected)
{
    l4_printf("%s: %u\n", what, observed);
    if (observed != expected)
        l4_printf("  expected %u\n", expected);
    record(observed == expected);
}

static int same_text(const char *left, const char *right)
{
    for (; *left && *left == *right; left++, right++)
        ;
    return *left == *right;
}

void expect_hex(const char *what, l4_word observed, l4_word expected)
{
    l4_printf("%s: 0x%x\n", what, observed);
    if (observed != expected)
        l4_printf("  expected 0x%x\n", expected);
    record(observed == expected);
}

void expect_text(const char *what, const char *observed, const char *expected)
{
    l4_printf("%s: %s\n", what, observed);
    int ok = same_text(observed, expected);
    if (!ok)
        l4_printf("  expected %s\n", expected);
    record(ok);
}

void finish(const char *rule)
{
    if (failed_checks == 0) {
        l4_printf("%s verdict: PASS\n", rule);
        l4_shutdown(0);
    }
    l4_printf("%s verdict: FAIL (%u checks failed)\n", rule, failed_checks);
    l4_shutdown(1);
}

void settle(void)
{
    l4_sleep(SETTLE_US);
}
