/* Resource exhaustion (P3): a task touches a page of its <memory> and unmaps it from its own
   space, over and over. Each round sigma0 serves a fresh zeroed page; the pages given back must
   return to the pool, or the loop would drain physical memory (131,072 frames). */
#include <l4.h>

#define PAGE ((volatile l4_word *)0x40000000)
#define ROUNDS 200000

int main(void)
{
    l4_word nonzero = 0;
    for (l4_word round = 0; round < ROUNDS; round++) {
        nonzero += *PAGE != 0;
        *PAGE = round + 1;
        l4_unmap(l4_fpage_page(0x40000000, L4_RIGHTS_RWX), L4_UNMAP_ALSO_OWN);
    }
    l4_printf("unmap loop: %u rounds, pages served non-zero: %u\n", ROUNDS, nonzero);
    l4_shutdown(0);
}
