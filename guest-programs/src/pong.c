/* Answers every ping with ten times its number, replying and waiting for the next in one IPC.
   Built as Thumb-2 code, so an ARM task and a Thumb task talk. */
#include <l4.h>
#include "pingpong.h"

int main(void)
{
    l4_ipc_result request = l4_wait();
    for (;;) {
        l4_msg_tag tag = l4_msg_tag_current();
        if (l4_ipc_failed(request) || l4_msg_tag_label(tag) != LABEL_PING ||
            l4_msg_tag_untyped(tag) != 1) {
            l4_print("pong: ignored an unexpected message\n");
            request = l4_wait();
            continue;
        }
        char name[L4_NAME_SIZE];
        l4_word round = l4_mr(1);
        l4_printf("pong: got %u from %s\n", round, l4_name_of(request.from, name));
        l4_word answer = round * 10;
        l4_load_message(LABEL_PONG, 1, &answer);
        request = l4_reply_wait(request.from);
    }
}
