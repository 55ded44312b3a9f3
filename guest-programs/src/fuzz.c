/*
 * The guest half of `l4emu fuzz`: every thread of a fuzz system runs this image and issues
 * random, adversarial system calls for ever (see common/fuzz_*.h); the host counts them, checks
 * the kernel's invariants after each, and stops the run after its budget.
 */
#include <l4.h>
#include "common/fuzz_loop.h"

int main(void)
{
    fuzz_run();
}

/* The entry of every extra thread of a fuzz system. */
L4_THREAD_ENTRY void fuzz_thread(void)
{
    fuzz_run();
}
