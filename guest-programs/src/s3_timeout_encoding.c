/*
 * S3 Timeouts, their encoding (ABI section 3, ipc): m (bits 9..0) * 2^e (bits 14..10) us, so
 * m = 0 is zero for any e; a timeout expires exactly at its virtual time; e = 31 reaches past
 * 2^32 us, where system_clock's high word counts on. Bit 15 must be 0, in both halves, used or
 * not: error 9 before anything is sent, in the send phase when the IPC has one, in the receive
 * phase for a plain wait (abi.md section 3.2).
 *
 * Roles: the driver measures; its sibling `receiver` waits in an open wait and counts what it
 * gets, so a call refused for its receive timeout shows whether its send phase ran anyway.
 */
#include <l4.h>
#include "common/scenario.h"

#define EXPONENT(e) ((e) << L4_TIMEOUT_EXPONENT_SHIFT)
#define TIMEOUT(m, e) (EXPONENT(e) | (m))
#define LABEL_DATA 0x33
#define TWO_TO_THE_32 0x100000000ull

static volatile l4_word received;

L4_THREAD_ENTRY void receiver_main(void)
{
    for (;;) {
        l4_wait();
        received++;
    }
}

static struct timed_result sleep_for(l4_timeout timeout)
{
    return timed_ipc(L4_NILTHREAD, l4_myself(), l4_timeouts(L4_TIMEOUT_NEVER, timeout),
                     L4_SND_DESC_NONE);
}

int main(void)
{
    l4_thread_id receiver = l4_lookup("encoding.receiver");

    settle();
    expect_ipc("S3 sleep with m = 0, e = 5 (0x1400) is zero", sleep_for(TIMEOUT(0, 5)),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, at_once()));
    expect_ipc("S3 sleep with m = 0, e = 31 (0x7c00) is zero", sleep_for(TIMEOUT(0, 31)),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, at_once()));
    expect_ipc("S3 sleep with m = 1, e = 7 (0x1c01) is 128 us", sleep_for(TIMEOUT(1, 7)),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, expiring_after(128)));

    l4_load_message(LABEL_DATA, 0, 0);
    expect_ipc("P2 call to a waiting thread with bit 15 in its receive timeout",
               timed_ipc(receiver, receiver, l4_timeouts(L4_TIMEOUT_NEVER, L4_TIMEOUT_RESERVED_BIT),
                         L4_SND_DESC_NONE),
               fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_SEND, at_once()));
    l4_load_message(LABEL_DATA, 0, 0);
    expect_ipc("P2 reply-and-wait to a waiting thread with bit 15 in its send timeout",
               timed_ipc(receiver, L4_ANYTHREAD,
                         l4_timeouts(L4_TIMEOUT_RESERVED_BIT | L4_TIMEOUT_ZERO, L4_TIMEOUT_NEVER),
                         L4_SND_DESC_NONE),
               fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_SEND, at_once()));
    expect_ipc("P2 open wait with bit 15 in its unused send timeout",
               timed_ipc(L4_NILTHREAD, L4_ANYTHREAD, l4_timeouts(L4_TIMEOUT_RESERVED_BIT, L4_TIMEOUT_NEVER),
                         L4_SND_DESC_NONE),
               fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_RECEIVE, at_once()));
    settle();
    expect_value("P2 messages the waiting thread received from the refused IPCs", received, 0);

    struct timed_result longest = sleep_for(TIMEOUT(2, 31));
    expect_ipc("S3 sleep with m = 2, e = 31 (0x7c02)", untimed(longest.ipc),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_RECEIVE, unmeasured()));
    expect_yes("S3 sleep with m = 2, e = 31 ended 2^32 us after it began",
               longest.elapsed_us >= TWO_TO_THE_32 && longest.elapsed_us <= TWO_TO_THE_32 + CLOCK_SLACK_US);
    expect_value("S3 system_clock's high word after 2^32 us", (l4_word)(l4_system_clock() >> 32), 1);
    finish("S3");
}
