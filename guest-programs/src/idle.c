/* A thread that is never ready: it neither sends nor receives, it only sleeps. Scenarios use it
   as the partner that never answers. */
#include <l4.h>

int main(void)
{
    for (;;)
        l4_sleep_forever();
}
