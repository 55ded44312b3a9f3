/* Computes for ever without a system call: only a virtual-time or instruction limit ends it. */
#include <l4.h>

int main(void)
{
    l4_print("spin: computing for ever\n");
    for (volatile l4_word i = 0;; i++) {
    }
}
