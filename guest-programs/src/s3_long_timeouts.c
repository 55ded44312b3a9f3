/*
 * S3 Timeouts with large exponents: m * 2^e us for e up to 31 (beyond 32 bits of microseconds),
 * never cut short; virtual time jumps to each deadline while every thread is blocked, and every
 * sleeper wakes exactly at its deadline.
 */
#include <l4.h>

static void sleeper(const char *what, l4_word timeout, int last)
{
    l4_u64 start = l4_system_clock();
    l4_ipc_result r = l4_ipc(L4_NILTHREAD, l4_myself(), l4_timeouts(0, timeout), 0);
    l4_u64 now = l4_system_clock();
    l4_u64 period = l4_timeout_period_us(timeout);
    l4_printf("S3 sleep of %s (0x%x): dope 0x%x, woke at its deadline %d\n", what, timeout, r.dope,
              now >= start + period && now <= start + period + 2);
    if (last) {
        l4_printf("S3 long timeouts: done\n");
        l4_shutdown(0);
    }
    l4_exit_thread();
}

L4_THREAD_ENTRY void s0(void) { sleeper("2^31 us", 0x7C01, 0); }
L4_THREAD_ENTRY void s1(void) { sleeper("1023 * 2^31 us", 0x7FFF, 0); }
L4_THREAD_ENTRY void s2(void) { sleeper("1023 * 2^22 us", (22 << 10) | 1023, 1); }
L4_THREAD_ENTRY void s3(void) { sleeper("2^20 us", (20 << 10) | 1, 0); }

int main(void)
{
    l4_sleep(2000000);
    l4_printf("S3 main: 2 s have passed\n");
    l4_sleep_forever();
    return 0; /* not reached */
}
