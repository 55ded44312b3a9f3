/* The four functions a freestanding GCC may call for struct copies and initialisations.
   Built with -fno-tree-loop-distribute-patterns, so these loops do not become calls to
   themselves. */
#include <stddef.h>

void *memcpy(void *restrict destination, const void *restrict source, size_t count)
{
    unsigned char *d = destination;
    const unsigned char *s = source;
    while (count--)
        *d++ = *s++;
    return destination;
}

void *memmove(void *destination, const void *source, size_t count)
{
    unsigned char *d = destination;
    const unsigned char *s = source;
    if (d < s) {
        while (count--)
            *d++ = *s++;
    } else {
        while (count--)
            d[count] = s[count];
    }
    return destination;
}

void *memset(void *destination, int value, size_t count)
{
    unsigned char *d = destination;
    while (count--)
        *d++ = (unsigned char)value;
    return destination;
}

int memcmp(const void *left, const void *right, size_t count)
{
    const unsigned char *l = left;
    const unsigned char *r = right;
    for (; count--; l++, r++)
        if (*l != *r)
            return *l - *r;
    return 0;
}
