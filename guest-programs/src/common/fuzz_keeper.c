#include "fuzz_keeper.h"

#define LOOK_EVERY_US 5000

void fuzz_keep_everyone_going(struct fuzz_thread *me)
{
    static l4_word seen[FUZZ_MAX_THREADS];
    for (;;) {
        l4_sleep(LOOK_EVERY_US);
        fuzz_count(me);
        for (l4_word i = 0; i < fuzz_thread_count(); i++) {
            l4_word now = fuzz_slot(i)->syscalls;
            if (i != me->index && now == seen[i]) {
                l4_exchange_registers(fuzz_current_id(i), L4_EXREGS_HALT | L4_EXREGS_RESUME, 0, 0);
                fuzz_count(me);
            }
            seen[i] = now;
        }
    }
}
