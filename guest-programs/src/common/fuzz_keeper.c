#include "fuzz_keeper.h"
#include "fuzz_attacks.h"
#include "fuzz_calls.h"

#define LOOK_EVERY_US 5000
#define LOOKS_BEFORE_RESTART 2
/* A thread stopped by a fault stays a stopped partner this long before it comes back: a fuzzer
   that draws forged-handlers is stopped by most faults nobody may take, and without this the
   class would stop every fuzzer within a few draws and leave the run to the keeper. */
#define LOOKS_BEFORE_REVIVAL 8

void fuzz_keep_everyone_going(struct fuzz_thread *me)
{
    static l4_word seen[FUZZ_MAX_THREADS];
    static l4_word stuck[FUZZ_MAX_THREADS];
    static l4_word gone[FUZZ_MAX_THREADS];
    for (;;) {
        /* Above the fuzzers' priority, a keeper whose sleep failed at once would starve them: no
           window that a thread of its task may have left invalid (error 9, S5). */
        l4_set_receive_window(L4_FPAGE_NIL);
        l4_sleep(LOOK_EVERY_US);
        fuzz_count(me);
        for (l4_word i = 0; i < fuzz_thread_count(); i++) {
            l4_word now = fuzz_slot(i)->syscalls;
            if (i == me->index || now != seen[i]) {
                stuck[i] = 0;
                seen[i] = now;
                continue;
            }
            /* A kick cancels the IPC it waits in; a thread still stuck (a fault nobody answers
               comes back at once) is restarted. */
            l4_word result;
            if (++stuck[i] >= LOOKS_BEFORE_RESTART && fuzz_slot(i)->stack_top != 0) {
                stuck[i] = 0;
                result = l4_exchange_registers(fuzz_current_id(i), L4_EXREGS_SET_SP_IP | L4_EXREGS_HALT | L4_EXREGS_RESUME,
                                               fuzz_slot(i)->stack_top, (l4_word)fuzz_restart).result;
            } else {
                result = l4_exchange_registers(fuzz_current_id(i), L4_EXREGS_HALT | L4_EXREGS_RESUME, 0, 0).result;
            }
            fuzz_count(me);
            /* No partner: stopped by a fault, exited or deleted. */
            if (result != L4_ERROR_NO_PARTNER) {
                gone[i] = 0;
            } else if (++gone[i] >= LOOKS_BEFORE_REVIVAL) {
                gone[i] = 0;
                fuzz_revive(me, i);
            }
        }
    }
}
