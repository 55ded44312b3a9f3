/* Writes to address 0, which no task maps and sigma0 refuses: an unhandled page fault. Without
   --stop-on-fault the kernel stops this thread with a report and the rest of the system runs on. */
#include <l4.h>

int main(void)
{
    l4_print("fault: writing to address 0\n");
    *(volatile l4_word *)0 = 1;
    l4_print("fault: unreachable\n");
    return 0;
}
