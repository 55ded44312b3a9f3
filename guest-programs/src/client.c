/* One of client1..client3: calls the server REQUESTS_PER_CLIENT times, then says it is done. */
#include <l4.h>
#include "server_protocol.h"

static int call_server(l4_thread_id server, const char *me)
{
    l4_ipc_result reply = l4_call(server);
    if (l4_ipc_failed(reply)) {
        char dope[L4_DOPE_TEXT_SIZE];
        l4_printf("%s: call failed: %s\n", me, l4_describe_dope(reply.dope, dope));
    }
    return !l4_ipc_failed(reply);
}

int main(void)
{
    l4_thread_id server = l4_lookup("server");
    char me[L4_NAME_SIZE];
    l4_name_of(l4_myself(), me);

    for (l4_word request = 1; request <= REQUESTS_PER_CLIENT; request++) {
        l4_load_message(LABEL_REQUEST, 1, &request);
        if (!call_server(server, me))
            return 1;
        l4_printf("%s: request %u was the server's request #%u\n", me, request, l4_mr(1));
    }
    l4_load_message(LABEL_DONE, 0, 0);
    if (call_server(server, me))
        l4_printf("%s: done\n", me);
    return 0;
}
