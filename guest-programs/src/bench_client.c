/* `l4emu bench`: calls the server 100,000 times between the two marks. The server is another
   task ("server", cross-space) or a thread of this task ("client.server", same space). */
#include "common/bench.h"

#define ROUNDS 100000

L4_THREAD_ENTRY void server_thread(void)
{
    bench_serve();
}

int main(void)
{
    l4_thread_id server = l4_lookup("server");
    if (l4_is_nilthread(server))
        server = l4_lookup("client.server");
    bench_call(server, ROUNDS);
}
