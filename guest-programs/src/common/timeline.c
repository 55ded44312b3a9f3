#include "timeline.h"

/* Longer timeouts are rounded up to a multiple of a power of two (docs/abi.md, timeouts); shorter
   sleeps are exact. */
#define EXACT_SLEEP_MAX_US L4_TIMEOUT_MANTISSA_MAX

void sleep_until(l4_u64 at_us)
{
    for (l4_u64 now = now_us(); now < at_us; now = now_us()) {
        l4_u64 left = at_us - now;
        l4_sleep(left < EXACT_SLEEP_MAX_US ? (l4_word)left : EXACT_SLEEP_MAX_US);
    }
}
