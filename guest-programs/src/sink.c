/* Receives any message forever and prints what it saw: "NAME: label 0x1 from client, words
   1 2 3, dope 0x0". The destination of many monitor scenarios (fs, fs2, server, ...). */
#include <l4.h>
#include "common/observe.h"

int main(void)
{
    for (;;)
        print_message(my_name(), l4_wait());
}
