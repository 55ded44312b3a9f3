/* The smallest guest: one line, then main returns and crt0 exits the thread, so
   `l4emu boot hello.elf` exits with 0 because every thread has exited. */
#include <l4.h>

int main(void)
{
    l4_print("hello from l4emu\n");
    return 0;
}
