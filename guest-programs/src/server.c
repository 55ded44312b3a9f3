/* Serves client1..client3 in open wait, in whatever order their calls arrive, and exits once
   every client is done; the clients exit too, so the system ends with exit code 0. */
#include <l4.h>
#include "server_protocol.h"

int main(void)
{
    l4_word served = 0;
    l4_word clients_done = 0;
    char name[L4_NAME_SIZE];

    l4_printf("server: serving %u clients\n", CLIENT_COUNT);
    l4_ipc_result request = l4_wait();
    for (;;) {
        if (l4_ipc_failed(request)) {
            char dope[L4_DOPE_TEXT_SIZE];
            l4_printf("server: receive failed: %s\n", l4_describe_dope(request.dope, dope));
            request = l4_wait();
            continue;
        }
        l4_name_of(request.from, name);
        if (l4_msg_tag_label(l4_msg_tag_current()) == LABEL_DONE) {
            l4_printf("server: %s is done\n", name);
            l4_load_message(0, 0, 0);
            if (++clients_done == CLIENT_COUNT)
                break;
        } else {
            served++;
            l4_printf("server: served %s request %u\n", name, l4_mr(1));
            l4_load_message(0, 1, &served);
        }
        request = l4_reply_wait(request.from);
    }
    l4_printf("server: all %u clients done after %u requests\n", CLIENT_COUNT, served);
    l4_reply(request.from);
    return 0;
}
