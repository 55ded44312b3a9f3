/* Shows virtual time and IPC timeouts against `idle`, a thread that never sends or receives:
   a 1000 us sleep, a receive that times out after 500 us, and a zero-timeout send that fails
   at once. Prints the raw clock readings. */
#include <l4.h>

static void show(const char *what, l4_thread_id to, l4_thread_id from_spec, l4_word timeouts)
{
    l4_u64 start = l4_system_clock();
    l4_ipc_result result = l4_ipc(to, from_spec, timeouts, L4_SND_DESC_NONE);
    l4_u64 end = l4_system_clock();
    char dope[L4_DOPE_TEXT_SIZE];
    l4_printf("timeouts: %s: %s, after %llu us\n", what, l4_describe_dope(result.dope, dope),
              end - start);
}

int main(void)
{
    l4_thread_id idle = l4_lookup("idle");

    l4_u64 before = l4_system_clock();
    l4_sleep(1000);
    l4_u64 after = l4_system_clock();
    l4_printf("timeouts: sleep 1000 us: clock %llu us before, %llu us after (+%llu us)\n", before,
              after, after - before);

    show("receive from idle with a 500 us timeout", L4_NILTHREAD, idle,
         l4_timeouts(L4_TIMEOUT_NEVER, l4_timeout_us(500)));

    l4_load_message(0, 0, 0);
    show("send to idle with a zero timeout", idle, L4_NILTHREAD,
         l4_timeouts(L4_TIMEOUT_ZERO, L4_TIMEOUT_NEVER));

    l4_print("timeouts: done\n");
    l4_shutdown(0); /* idle never exits */
}
