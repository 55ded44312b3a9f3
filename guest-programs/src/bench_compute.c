/* `l4emu bench`: guest compute throughput, a loop of arithmetic without system calls. */
#include "common/bench.h"

#define ITERATIONS 50000000u

int main(void)
{
    l4_word state = 1;
    l4_kdebug_breakpoint(BENCH_MARK_START);
    for (l4_word i = 0; i < ITERATIONS; i++)
        state = state * 1103515245u + 12345u;
    l4_kdebug_breakpoint(BENCH_MARK_END);
    l4_print(state == 0 ? "bench: impossible\n" : "");
    l4_shutdown(0);
}
