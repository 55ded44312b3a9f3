/* Receives any message forever and prints what it saw: "NAME: label 0x1 from client, words
   1 2 3, dope 0x0". The destination of many monitor scenarios (fs, fs2, server, ...). */
#include <l4.h>
#include "common/observe.h"

int main(void)
{
    char from[L4_NAME_SIZE];
    char words[WORDS_TEXT_SIZE];
    char dope[DOPE_TEXT_SIZE];
    for (;;) {
        l4_ipc_result received = l4_wait();
        l4_printf("%s: label 0x%x from %s, words %s, dope %s\n", my_name(),
                  l4_msg_tag_label(l4_msg_tag_current()), thread_text(received.from, from),
                  words_text(words), dope_text(received.dope, dope));
    }
}
