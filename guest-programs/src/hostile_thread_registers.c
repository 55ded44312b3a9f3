/*
 * Registers that user code writes without the kernel, besides the general ones and the flags,
 * are the thread's own. On arm those are TPIDRURW (`mcr p15, 0, rX, c13, c0, 2`, the user
 * read/write thread ID register, which Linux uses for TLS) and TEEHBR (`mcr p14, 6, rX, c1, c0, 0`,
 * the ThumbEE handler base): shared, they would be a channel between tasks that no allow rule
 * or monitor sees, and one task could corrupt another's TLS pointer.
 *
 * `writer` writes both, then lets each other thread run in turn: `writer.peer` in its own task
 * and `second`, `third`, `fourth` in tasks of their own (four spaces, more than the emulated CPU
 * keeps cached at once). Each must find both registers 0, as a thread starts, then writes values
 * of its own; every thread must read back only its own values, however often the CPU switched.
 * x86 has no such register (its segment registers are saved per thread): the case runs on arm.
 */
#include <l4.h>
#include "common/roles.h"
#include "common/signal.h"

#define WRITER_TLS 0x1234abcdu
#define WRITER_HANDLER_BASE 0x5678u

#if defined(__arm__)
static void write_registers(l4_word tls, l4_word handler_base)
{
    __asm__ volatile("mcr p15, 0, %0, c13, c0, 2" :: "r"(tls));
    __asm__ volatile("mcr p14, 6, %0, c1, c0, 0" :: "r"(handler_base));
}

static void read_registers(l4_word *tls, l4_word *handler_base)
{
    __asm__ volatile("mrc p15, 0, %0, c13, c0, 2" : "=r"(*tls));
    __asm__ volatile("mrc p14, 6, %0, c1, c0, 0" : "=r"(*handler_base));
}
#else
static void write_registers(l4_word tls, l4_word handler_base)
{
    (void)tls;
    (void)handler_base;
}

static void read_registers(l4_word *tls, l4_word *handler_base)
{
    *tls = 0;
    *handler_base = 0;
}
#endif

static void check(const char *who, const char *when, l4_word tls, l4_word handler_base)
{
    l4_word t, h;
    read_registers(&t, &h);
    l4_printf("%s %s: TPIDRURW %x TEEHBR %x%s\n", who, when, (unsigned)t, (unsigned)h,
              t == tls && h == handler_base ? "" : " FAILED");
}

static const char *const others[] = { "writer.peer", "second", "third", "fourth" };
#define OTHERS (sizeof others / sizeof others[0])

static void writer(void)
{
    check("writer", "at start", 0, 0);
    write_registers(WRITER_TLS, WRITER_HANDLER_BASE);
    for (l4_word i = 0; i < OTHERS; i++) {
        l4_thread_id other = l4_lookup(others[i]);
        send_signal(other, 0);
        l4_receive(other);
    }
    check("writer", "after the others wrote theirs", WRITER_TLS, WRITER_HANDLER_BASE);
}

/* Waits for the writer's go, checks and writes its own values, tells the writer, checks again later. */
static void other(l4_word index)
{
    l4_word tls = 0x7100a000u + index, handler_base = 0x62000100u + 4 * index;
    l4_thread_id writer_id = l4_lookup("writer");
    l4_receive(writer_id);
    check(others[index], "after the writer wrote", 0, 0);
    write_registers(tls, handler_base);
    send_signal(writer_id, 0);
    for (int i = 0; i < 8; i++)
        l4_yield();
    check(others[index], "later", tls, handler_base);
}

static void peer(void) { other(0); }
static void second(void) { other(1); }
static void third(void) { other(2); }
static void fourth(void) { other(3); }

static const struct role roles[] = {
    { "writer", writer }, { "writer.peer", peer }, { "second", second }, { "third", third }, { "fourth", fourth },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}

/* The entry of the writer task's second thread. */
L4_THREAD_ENTRY void second_thread(void)
{
    PLAY_MY_ROLE(roles);
}
