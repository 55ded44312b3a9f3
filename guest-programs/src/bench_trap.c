/* `l4emu bench`: the trap floor, a system call that returns at once (system_clock), 1,000,000 times. */
#include "common/bench.h"

#define CALLS 1000000

int main(void)
{
    l4_kdebug_breakpoint(BENCH_MARK_START);
    for (l4_word i = 0; i < CALLS; i++)
        l4_system_clock();
    l4_kdebug_breakpoint(BENCH_MARK_END);
    l4_shutdown(0);
}
