/* `l4emu bench`: the server side of the call/reply round trip. */
#include "common/bench.h"

int main(void)
{
    bench_serve();
}
