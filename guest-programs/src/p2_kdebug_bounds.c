/*
 * P2 kdebug's buffer checks at the edges of user memory (ABI section 1: user addresses are
 * 0x00001000-0xBFFFFFFF; docs/abi.md 3.4: a write of length 0 returns 0 for an address in user
 * memory and 9 outside it; a buffer that is not readable user memory is error 9, and nothing of
 * it is printed, also when it starts in a mapped page or wraps past 0xFFFFFFFF). Also putc's
 * low byte, an undefined op, a breakpoint mark, and a write longer than 64 KiB.
 */
#include <l4.h>
#include "common/scenario.h"

#define REGION_END 0x40001000u /* the <memory> region's one page ends here; nothing follows it */
#define PAGE_END_BYTES 8

static const char text[] = "ok\n";

/* The last bytes of the mapped page, filled with printable text that a write must not print. */
static const char *fill_page_end(void)
{
    char *end = (char *)(REGION_END - PAGE_END_BYTES);
    for (int i = 0; i < PAGE_END_BYTES; i++)
        end[i] = 'A' + i;
    return end;
}

int main(void)
{
    expect_value("P2 kdebug write of 0 bytes at a user address, result", l4_kdebug(L4_KDEBUG_WRITE, (l4_word)text, 0), 0);
    expect_value("P2 kdebug write of 0 bytes at the first user address 0x1000, result",
                 l4_kdebug(L4_KDEBUG_WRITE, 0x1000u, 0), 0);
    expect_value("P2 kdebug write of 0 bytes at 0xFFF, below user memory, result", l4_kdebug(L4_KDEBUG_WRITE, 0xFFFu, 0),
                 L4_ERROR_INVALID_ARGUMENT);
    expect_value("P2 kdebug write of 0 bytes at address 0, result", l4_kdebug(L4_KDEBUG_WRITE, 0, 0),
                 L4_ERROR_INVALID_ARGUMENT);
    expect_value("P2 kdebug write of 0 bytes at 0xC0000000, the first kernel address, result",
                 l4_kdebug(L4_KDEBUG_WRITE, 0xC0000000u, 0), L4_ERROR_INVALID_ARGUMENT);
    expect_value("P2 kdebug write of 0 bytes at 0xFFFFFFFF, result", l4_kdebug(L4_KDEBUG_WRITE, 0xFFFFFFFFu, 0),
                 L4_ERROR_INVALID_ARGUMENT);
    expect_value("P2 kdebug write of 16 bytes running from the boot info area into the kernel, result",
                 l4_kdebug(L4_KDEBUG_WRITE, 0xBFFFFFF8u, 16), L4_ERROR_INVALID_ARGUMENT);
    expect_value("P2 kdebug write of 16 bytes running from a mapped page into an unmapped one, result",
                 l4_kdebug(L4_KDEBUG_WRITE, (l4_word)fill_page_end(), 2 * PAGE_END_BYTES), L4_ERROR_INVALID_ARGUMENT);
    expect_value("P2 kdebug write of 16 bytes wrapping past 0xFFFFFFFF, result", l4_kdebug(L4_KDEBUG_WRITE, 0xFFFFFFF8u, 16),
                 L4_ERROR_INVALID_ARGUMENT);
    expect_value("P2 kdebug write of 4 bytes at an unmapped user page, result", l4_kdebug(L4_KDEBUG_WRITE, 0x30000000u, 4),
                 L4_ERROR_INVALID_ARGUMENT);
    expect_value("P2 kdebug write of 64 KiB + 1 bytes, result", l4_kdebug(L4_KDEBUG_WRITE, 0xBFEF0000u, 0x10001),
                 L4_ERROR_INVALID_ARGUMENT);
    expect_value("P2 kdebug write of 3 bytes, result", l4_kdebug(L4_KDEBUG_WRITE, (l4_word)text, 3), 0);
    expect_value("P2 kdebug putc of 0x1141 writes its low byte 'A', result", l4_kdebug(L4_KDEBUG_PUTC, 0x1141u, 0), 0);
    expect_value("P2 kdebug putc of 0x30a writes a newline, result", l4_kdebug(L4_KDEBUG_PUTC, 0x30au, 0), 0);
    expect_value("P2 kdebug breakpoint mark, result", l4_kdebug(L4_KDEBUG_BREAKPOINT, 0x1234, 0), 0);
    expect_value("P2 kdebug op 5, result", l4_kdebug(5, 0, 0), L4_ERROR_INVALID_ARGUMENT);
    expect_value("P2 kdebug op 0xFFFFFFFF, result", l4_kdebug(0xFFFFFFFFu, 0, 0), L4_ERROR_INVALID_ARGUMENT);
    finish("P2");
}
