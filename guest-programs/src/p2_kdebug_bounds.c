/*
 * P2 kdebug's buffer checks at the edges of user memory (ABI section 1: user addresses are
 * 0x00001000-0xBFFFFFFF; docs/abi.md 3.4: a write of length 0 returns 0 for an address in user
 * memory and 9 outside it; a buffer that is not readable user memory is error 9). Also putc's
 * low byte, an undefined op, a breakpoint mark, and a write longer than 64 KiB.
 */
#include <l4.h>
#include "common/scenario.h"

static const char text[] = "ok\n";

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
