/* Ends the whole emulation with kdebug shutdown(7): `l4emu boot` exits with 7. */
#include <l4.h>

int main(void)
{
    l4_print("shutdown: exit code 7\n");
    l4_kdebug(L4_KDEBUG_SHUTDOWN, 7, 0);
    l4_print("shutdown: unreachable\n");
    return 0;
}
