#include "fuzz_loop.h"
#include "fuzz_calls.h"
#include "fuzz_keeper.h"
#include "fuzz_monitor.h"

#define FAULT_ADDRESS 0x00000008u

enum kind { IPC, KDEBUG, THREAD_SWITCH, SYSTEM_CLOCK, EXCHANGE_REGISTERS, THREAD_CONTROL, UNMAP, REDIRECT,
            UNDEFINED, TOUCH, KINDS };

/* Per 1000 steps; privileged threads rewrite the rules more often. */
static const l4_word weights[KINDS] = { 665, 40, 40, 30, 80, 20, 40, 25, 20, 40 };
static const l4_word privileged_weights[KINDS] = { 580, 40, 40, 30, 120, 20, 40, 85, 20, 25 };

static void (*const calls[KINDS])(struct fuzz_thread *) = {
    fuzz_call_ipc, fuzz_call_kdebug, fuzz_call_thread_switch, fuzz_call_system_clock,
    fuzz_call_exchange_registers, fuzz_call_thread_control, fuzz_call_unmap, fuzz_call_redirect,
    fuzz_call_undefined, fuzz_touch,
};

/* Near the top of the calling thread's stack, 16-byte aligned: a restart may put its sp here,
   as nothing above this frame is needed again. Portable, unlike reading sp. */
static l4_word stack_top_here(void)
{
    volatile l4_word here = 0;
    return (l4_word)&here & ~15u;
}

static void step(struct fuzz_thread *me)
{
    /* A monitor answers most redirected messages at once, as a real one would. */
    if (me->monitor && me->kept.valid && fuzz_chance(&me->random, 80)) {
        fuzz_monitor_act(me);
        return;
    }
    if (fuzz_chance(&me->random, me->serving_percent)) {
        fuzz_serve(me);
        return;
    }
    l4_word kind = fuzz_weighted(&me->random, me->privileged ? privileged_weights : weights, KINDS);
    calls[kind](me);
}

static void end_of_life(struct fuzz_thread *me)
{
    if (me->role == FUZZ_ROLE_DOOMED)
        l4_exit_thread();
    l4_word address = FAULT_ADDRESS;
    __asm__ volatile("" : "+r"(address)); /* hide the constant: GCC warns about reading it */
    (void)*(volatile l4_word *)address;
    for (;;) /* not reached: the fault stops the thread */
        l4_yield();
}

void fuzz_run(void)
{
    struct fuzz_thread *me = fuzz_me();
    struct fuzz_slot *slot = fuzz_slot(me->index);
    if (slot->stack_top == 0)
        slot->stack_top = stack_top_here();
    slot->utcb_address = (l4_word)l4_arch_utcb();
    slot->id = me->myself;
    slot->serving_percent = me->serving_percent;
    if (me->role == FUZZ_ROLE_KEEPER)
        fuzz_keep_everyone_going(me);
    for (;;) {
        if (me->role != FUZZ_ROLE_FUZZER && me->syscalls >= me->lifetime)
            end_of_life(me);
        step(me);
    }
}

void fuzz_restart(void)
{
    fuzz_run();
}
