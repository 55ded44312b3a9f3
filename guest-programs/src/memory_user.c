/* Touches its declared <memory> region, which sigma0 serves zero-filled on demand, then an
   address outside it, which sigma0 refuses. */
#include <l4.h>

#define REGION ((volatile l4_word *)0x40000000)
#define REGION_WORDS (0x3000 / sizeof(l4_word))

int main(void)
{
    l4_word sum = 0;
    for (l4_word i = 0; i < REGION_WORDS; i += 1024)
        sum += REGION[i];
    l4_print("memory: region reads as zero: ");
    l4_print(sum == 0 ? "yes\n" : "no\n");
    for (l4_word i = 0; i < REGION_WORDS; i += 1024)
        REGION[i] = i;
    sum = 0;
    for (l4_word i = 0; i < REGION_WORDS; i += 1024)
        sum += REGION[i];
    l4_print("memory: written values read back: ");
    l4_print_dec(sum);
    l4_print("\nmemory: touching 0x40003000, outside the region\n");
    REGION[REGION_WORDS] = 1;
    l4_print("memory: unreachable\n");
    return 0;
}
