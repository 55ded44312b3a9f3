/* The class forged-handlers (fuzz_attacks.h), and the answers every fuzz thread gives to the fault
   messages a forged Pager or ExceptionHandler word sends it. A thread claims a handler (a thread
   of another task across allow and redirect rules, a monitor, itself, sigma0, an interrupt
   thread, a stale or absent ID), faults or raises an exception, and puts its words back. A fault
   nobody may take stops the thread (S6); the root brings it back. */
#include "fuzz_attacks.h"
#include "fuzz_arguments.h"
#include "fuzz_calls.h"
#include "fuzz_loop.h"
#include <l4/fault.h>

#define FAULT_PAGES 256
#define SIGMA0 ((1u << 14) | 1u)
#define INTERRUPT_THREADS 14

static l4_thread_id forged(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    static const l4_word weights[] = { 60, 6, 4, 4, 26 };
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0: return fuzz_known_thread(me);
    case 1: return me->myself;
    case 2: return SIGMA0;
    case 3: return l4_thread_id_make(2 + fuzz_below(r, INTERRUPT_THREADS), 1);
    default: return fuzz_thread_id(me);
    }
}

void fuzz_attack_forged_handlers(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    if (fuzz_chance(r, 35)) {
        l4_set_exception_handler(forged(me));
        /* udf (arm) or ud2 (x86): only a handler's answer (a restart at fuzz_restart, which puts the
           words back) or the keeper's restart gets the thread out of here. */
        __builtin_trap();
    }
    l4_word page = FUZZ_UNMAPPED_ADDRESS + fuzz_below(r, FAULT_PAGES) * L4_PAGE_SIZE;
    l4_set_pager(forged(me));
    if (fuzz_chance(r, 50))
        (void)*(volatile l4_word *)page;
    else
        *(volatile l4_word *)page = me->myself;
    l4_set_pager(me->home_pager);
    /* The page a forged pager mapped goes again, so that the next touch faults too. */
    fuzz_unmap(me, l4_fpage_page(page, L4_RIGHTS_RWX), L4_UNMAP_ALSO_OWN);
}

/* A page fault in the regions the fuzzers fault in gets a page of the source region; an exception
   a restart of the faulting thread with its own stack; now and then nothing (it faults again). */
void fuzz_answer_fault(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    l4_msg_tag tag = me->last_tag;
    l4_thread_id from = me->last_from;
    me->last_tag = 0;
    if (l4_is_page_fault(tag)) {
        l4_word address = l4_mr(L4_PAGE_FAULT_ADDRESS_MR);
        int ours = (address >= FUZZ_UNMAPPED_ADDRESS && address < FUZZ_UNMAPPED_ADDRESS + FAULT_PAGES * L4_PAGE_SIZE)
                   || (address >= FUZZ_SOURCE_ADDRESS && address < FUZZ_SOURCE_ADDRESS + (1u << FUZZ_SOURCE_LOG2));
        if (!ours)
            return; /* not a fault a fuzzer made on purpose: its thread waits until it is kicked or deleted */
        if (fuzz_chance(r, 80)) {
            l4_word source = FUZZ_SOURCE_ADDRESS + (address & ((1u << FUZZ_SOURCE_LOG2) - 1) & ~(L4_PAGE_SIZE - 1));
            (void)*(volatile l4_word *)source; /* sigma0 maps it here first if need be */
            l4_load_item_message(0, L4_ITEM_MAP, address, l4_fpage_page(source, L4_RIGHTS_RW));
        } else {
            l4_set_mr(0, 0);
        }
    } else {
        l4_word index = fuzz_index_of(from);
        l4_word stack = index < FUZZ_MAX_THREADS ? fuzz_slot(index)->stack_top : 0;
        if (stack != 0 && fuzz_chance(r, 85)) {
            l4_set_mr(0, l4_msg_tag_make(0, 2, 0));
            l4_set_mr(L4_EXCEPTION_IP_MR, (l4_word)fuzz_restart);
            l4_set_mr(L4_EXCEPTION_SP_MR, stack);
        } else {
            l4_set_mr(0, 0);
        }
    }
    fuzz_ipc(me, from, L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, 0), L4_SND_DESC_NONE);
}
