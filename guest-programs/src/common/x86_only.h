/* The arm build of an x86-only guest whose task has a handler thread: the system boots
   everywhere (every guest system is run on both architectures by the kernel's tests) and does
   nothing. Include it in the guest's #else branch, once. */
#include <l4.h>

L4_THREAD_ENTRY void handler_main(void)
{
    l4_exit_thread();
}

int main(void) { return 0; }
