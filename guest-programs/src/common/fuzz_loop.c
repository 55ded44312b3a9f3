#include "fuzz_loop.h"
#include "fuzz_attacks.h"
#include "fuzz_calls.h"
#include "fuzz_keeper.h"
#include "fuzz_monitor.h"
#include <l4/fault.h>

#define FAULT_ADDRESS 0x00000008u
#define MONITOR_NAP_PERCENT 10
#define MONITOR_NAP_US 200

enum kind { IPC, KDEBUG, THREAD_SWITCH, SYSTEM_CLOCK, EXCHANGE_REGISTERS, THREAD_CONTROL, UNMAP, REDIRECT,
            UNDEFINED, TOUCH, KINDS };

/* The class random, per 1000 steps; privileged threads rewrite the rules more often. */
static const l4_word weights[KINDS] = { 665, 40, 40, 30, 80, 20, 40, 25, 20, 40 };
static const l4_word privileged_weights[KINDS] = { 580, 40, 40, 30, 120, 20, 40, 85, 20, 25 };

static void (*const calls[KINDS])(struct fuzz_thread *) = {
    fuzz_call_ipc, fuzz_call_kdebug, fuzz_call_thread_switch, fuzz_call_system_clock,
    fuzz_call_exchange_registers, fuzz_call_thread_control, fuzz_call_unmap, fuzz_call_redirect,
    fuzz_call_undefined, fuzz_touch,
};

static void random_call(struct fuzz_thread *me)
{
    l4_word kind = fuzz_weighted(&me->random, me->privileged ? privileged_weights : weights, KINDS);
    calls[kind](me);
}

static void (*const classes[FUZZ_CLASS_COUNT])(struct fuzz_thread *) = {
    random_call, fuzz_attack_utcb_rewrite, fuzz_attack_fpages, fuzz_attack_kernel_pages,
    fuzz_attack_forged_handlers, fuzz_attack_monitor_forward, fuzz_attack_rule_churn, fuzz_attack_task_churn,
};

/* How often each class is drawn, by role (the kernel-level fuzzer draws alike, KernelFuzzer.java).
   The root is the only privileged fuzzer: it churns, and forges no handlers, which could stop it for good. */
static const l4_word fuzzer_weights[FUZZ_CLASS_COUNT] = { 30, 10, 10, 10, 10, 10, 10, 10 };
static const l4_word root_weights[FUZZ_CLASS_COUNT] = { 20, 4, 4, 4, 0, 4, 30, 30 };

/* A class among the enabled ones, by weight; FUZZ_CLASS_NONE when every enabled class weighs nothing here. */
static enum fuzz_class choose(struct fuzz_thread *me)
{
    l4_word enabled[FUZZ_CLASS_COUNT];
    const l4_word *role = me->privileged ? root_weights : fuzzer_weights;
    l4_word total = 0;
    for (l4_word c = 0; c < FUZZ_CLASS_COUNT; c++) {
        enabled[c] = fuzz_class_enabled(me, c) && !(me->anchor && c == FUZZ_CLASS_FORGED_HANDLERS) ? role[c] : 0;
        total += enabled[c];
    }
    return total == 0 ? FUZZ_CLASS_NONE : (enum fuzz_class)fuzz_weighted(&me->random, enabled, FUZZ_CLASS_COUNT);
}

/* Near the top of the calling thread's stack, 16-byte aligned: a restart may put its sp here,
   as nothing above this frame is needed again. Portable, unlike reading sp. */
static l4_word stack_top_here(void)
{
    volatile l4_word here = 0;
    return (l4_word)&here & ~15u;
}

static void step(struct fuzz_thread *me)
{
    fuzz_set_class(me, FUZZ_CLASS_NONE);
    /* A pager or exception handler answers what a forged word sent it; a monitor most redirected
       messages at once, as a real one would; a server serves. */
    if ((l4_is_page_fault(me->last_tag) || l4_is_exception(me->last_tag)) && fuzz_chance(&me->random, 90)) {
        fuzz_answer_fault(me);
        return;
    }
    if (me->monitor && me->kept.valid && fuzz_chance(&me->random, 80)) {
        fuzz_monitor_act(me);
        return;
    }
    /* Monitors run above the fuzzers' priority: one whose calls all fail at once would starve them.
       So the nap opens no window: one a sibling left invalid would fail it at once (error 9, S5). */
    if (me->monitor && fuzz_chance(&me->random, MONITOR_NAP_PERCENT)) {
        l4_set_receive_window(L4_FPAGE_NIL);
        fuzz_ipc(me, L4_NILTHREAD, me->myself, l4_timeouts(0, l4_timeout_us(MONITOR_NAP_US)), L4_SND_DESC_NONE);
        return;
    }
    if (fuzz_chance(&me->random, me->serving_percent)) {
        fuzz_serve(me);
        return;
    }
    enum fuzz_class class = choose(me);
    if (class == FUZZ_CLASS_NONE) {
        fuzz_serve(me);
        return;
    }
    fuzz_set_class(me, class);
    classes[class](me);
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
    /* A restart (the keeper's, or a handler's answer) leaves what the thread was doing: its own
       words come back, and it starts over. */
    l4_set_pager(me->home_pager);
    l4_set_exception_handler(L4_NILTHREAD);
    me->ipc_state = FUZZ_IPC_NONE;
    me->last_tag = 0;
    slot->receiving = 0;
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
