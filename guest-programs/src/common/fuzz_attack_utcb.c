/* The class utcb-rewrite (fuzz_attacks.h): a thread rewrites a sibling's UTCB (the same task's
   memory) at the worst moments. A sibling blocked in a send gets a tag invalid at transfer or
   malformed typed items, and the attacker receives from it at once when it is the partner; a
   sibling blocked in a receive gets a hostile receive window, and a mapping straight away. Items
   written into a sibling's message are maps (or invalid types), never grants: a grant would move
   the sibling's own pages away, which is the guest's harm, not the kernel's. */
#include "fuzz_attacks.h"
#include "fuzz_arguments.h"
#include "fuzz_calls.h"

/* A sibling (same task) in `state`, if one turns up in a few tries; FUZZ_MAX_THREADS when none. */
static l4_word sibling(struct fuzz_thread *me, enum fuzz_ipc_state state)
{
    for (int tries = 0; tries < 8; tries++) {
        l4_word index = fuzz_below(&me->random, fuzz_thread_count());
        struct fuzz_thread *other = fuzz_thread_at(index);
        if (index != me->index && other->started && fuzz_same_task(index, me->index)
            && (state == FUZZ_IPC_NONE || other->ipc_state == state) && fuzz_slot(index)->utcb_address != 0)
            return index;
    }
    return FUZZ_MAX_THREADS;
}

static volatile l4_word *utcb_of(l4_word index)
{
    return (volatile l4_word *)fuzz_slot(index)->utcb_address;
}

/* MR0 and typed items no sender could have sent at the start of its IPC. */
static void rewrite_message(struct fuzz_thread *me, volatile l4_word *utcb)
{
    struct fuzz_random *r = &me->random;
    static const l4_word weights[] = { 35, 20, 15, 20, 10 };
    l4_word label = fuzz_next(r);
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0:
        utcb[0] = l4_msg_tag_make(label, 63, 62);
        return;
    case 1: {
        l4_word untyped = fuzz_below(r, 64);
        utcb[0] = l4_msg_tag_make(label, untyped, 64 - untyped + fuzz_below(r, untyped + 1));
        return;
    }
    case 2:
        utcb[0] = l4_msg_tag_make(label, fuzz_below(r, 8), 1 + 2 * fuzz_below(r, 8));
        return;
    case 3: {
        l4_word untyped = fuzz_below(r, 4);
        l4_word items = fuzz_between(r, 1, 3);
        utcb[0] = l4_msg_tag_make(label, untyped, 2 * items);
        for (l4_word i = 0; i < items; i++) {
            l4_word type = fuzz_chance(r, 30) ? fuzz_below(r, L4_ITEM_GRANT) : L4_ITEM_MAP;
            utcb[1 + untyped + 2 * i] = l4_typed_item_word0(fuzz_next(r), type);
            utcb[2 + untyped + 2 * i] = fuzz_any_fpage(me);
        }
        return;
    }
    default: /* noise in label, flags and u, no typed words */
        utcb[0] = fuzz_next(r) & ~(0x3fu << 6);
        return;
    }
}

/* The victim's part: a send to a sibling that waits long enough for the others to find it blocked. */
static void send_to_sibling(struct fuzz_thread *me, l4_word sibling_index)
{
    struct fuzz_random *r = &me->random;
    l4_set_mr(0, l4_msg_tag_make(fuzz_next(r), 2, 0));
    l4_set_mr(1, fuzz_next(r));
    l4_set_mr(2, fuzz_next(r));
    fuzz_ipc(me, fuzz_current_id(sibling_index), L4_NILTHREAD, l4_timeouts(l4_timeout_us(fuzz_between(r, 200, 2000)), 0),
             L4_SND_DESC_NONE);
}

void fuzz_attack_utcb_rewrite(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    l4_word victim = fuzz_chance(r, 70) ? sibling(me, FUZZ_IPC_SENDING) : FUZZ_MAX_THREADS;
    if (victim == FUZZ_MAX_THREADS && fuzz_chance(r, 40)) {
        l4_word partner = sibling(me, FUZZ_IPC_NONE);
        if (partner != FUZZ_MAX_THREADS) {
            send_to_sibling(me, partner);
            return;
        }
    }
    if (victim != FUZZ_MAX_THREADS) {
        rewrite_message(me, utcb_of(victim));
        l4_thread_id partner = fuzz_thread_at(victim)->ipc_partner;
        if (partner == me->myself) /* take the rewritten message now: the kernel reads it at this transfer */
            fuzz_ipc(me, L4_NILTHREAD, fuzz_current_id(victim), l4_timeouts(0, L4_TIMEOUT_ZERO), L4_SND_DESC_NONE);
        else
            fuzz_syscall(me, L4_SYSCALL_THREAD_SWITCH, partner, 0, 0, 0);
        return;
    }
    victim = sibling(me, FUZZ_IPC_RECEIVING);
    if (victim != FUZZ_MAX_THREADS) {
        utcb_of(victim)[L4_UTCB_BR0] = fuzz_safe_window(me);
        l4_load_item_message(fuzz_next(r), L4_ITEM_MAP, fuzz_next(r), fuzz_source_fpage(me, L4_RIGHTS_RWX));
        fuzz_ipc(me, fuzz_current_id(victim), L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, 0), L4_SND_DESC_NONE);
        return;
    }
    victim = sibling(me, FUZZ_IPC_NONE);
    if (victim == FUZZ_MAX_THREADS) {
        fuzz_syscall(me, L4_SYSCALL_THREAD_SWITCH, L4_NILTHREAD, 0, 0, 0);
        return;
    }
    /* At a random moment: what the sibling does next starts from this. */
    rewrite_message(me, utcb_of(victim));
    utcb_of(victim)[L4_UTCB_BR0] = fuzz_safe_window(me);
    fuzz_syscall(me, L4_SYSCALL_THREAD_SWITCH, fuzz_current_id(victim), 0, 0, 0);
}
