/* Console printing through kdebug write. l4_print is one write; l4_printf formats into
   128-byte chunks, one write each, so a line printed with one call is not interleaved with other
   threads' output. */
#ifndef L4_PRINT_H
#define L4_PRINT_H

#include <l4/types.h>

void l4_print(const char *text);
void l4_print_dec(l4_u64 value);
void l4_print_hex(l4_u64 value); /* 0x followed by lower-case digits */

/* A small printf: %s %c %d %u %x %% with optional - and 0 flags, width and l/ll length. */
__attribute__((format(printf, 1, 2))) void l4_printf(const char *format, ...);

/* The same formatting into `buffer`, always NUL-terminated, cut to size; returns `buffer`. */
__attribute__((format(printf, 3, 4))) char *l4_snprintf(char *buffer, l4_word size,
                                                         const char *format, ...);

#endif
