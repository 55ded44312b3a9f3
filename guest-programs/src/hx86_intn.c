/* int n for vectors the CPU also raises: where is the thread reported, and what does a retry do? */
#include <l4.h>
#if defined(__i386__)
static volatile l4_word faults, last_ip, last_code;

#define INT(n) __asm__ volatile("int $" #n ::: "memory")

L4_THREAD_ENTRY void handler_main(void)
{
    l4_thread_id attacker = l4_lookup("main");
    l4_word same = 0, prev = 0;
    for (;;) {
        l4_wait();
        l4_word ip = l4_mr(1), sp = l4_mr(2);
        faults++;
        last_ip = ip;
        last_code = l4_mr(3);
        same = ip == prev ? same + 1 : 0;
        prev = ip;
        if (same >= 2) {
            /* retried three times at the same ip: step over the 2-byte int */
            l4_load_message(0, 2, (l4_word[]){ ip + 2, sp });
            prev = 0;
            same = 0;
        } else {
            l4_load_message(0, 0, 0); /* retry */
        }
        l4_reply(attacker);
    }
}

#define TRY(n) do { \
    extern const char site_##n[]; \
    faults = 0; \
    __asm__ volatile(".global site_" #n "\nsite_" #n ": int $" #n ::: "memory"); \
    l4_printf("int $%s at %x: %u faults, last ip %x code %u\n", #n, (unsigned)(l4_word)site_##n, \
              (unsigned)faults, (unsigned)last_ip, (unsigned)last_code); \
} while (0)

int main(void)
{
    l4_set_exception_handler(l4_lookup("main.handler"));
    TRY(0); TRY(1); TRY(4); TRY(5); TRY(6); TRY(7); TRY(8); TRY(13); TRY(14); TRY(17);
    return 0;
}
#else
#include "common/x86_only.h"
#endif
