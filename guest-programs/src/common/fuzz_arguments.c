#include "fuzz_arguments.h"

#define NONEXISTENT_NUMBER 4000
#define KERNEL_THREAD_NUMBERS 16

struct l4_ipc_params fuzz_params;
static l4_word scratch[64] __attribute__((aligned(16)));

static const l4_word bad_pointers[] = {
    0x00000000, 0x00000010, 0x00000ff0, /* the null page */
    0x00008000,                         /* below the image */
    0x30000000,                         /* never mapped */
    FUZZ_SOURCE_ADDRESS,                /* mapped only after a touch, maybe granted away */
    FUZZ_WINDOW_ADDRESS,                /* mapped only if a mapping arrived */
    FUZZ_SLOTS_ADDRESS + 0xff0,         /* valid, shared */
    0xbfeffff0,                         /* near the top of the stacks */
    0xbfff0000,                         /* the boot info page: read-only */
    0xbffffff0,                         /* the last user bytes */
    0xc0000000, 0xfffffff0,             /* the kernel's */
};

l4_thread_id fuzz_known_thread(struct fuzz_thread *me)
{
    l4_word index = fuzz_below(&me->random, fuzz_thread_count());
    /* After a re-creation the boot info's ID is stale: also worth sending to. */
    return fuzz_chance(&me->random, 80) ? fuzz_current_id(index) : fuzz_entry(index)->id;
}

l4_thread_id fuzz_thread_id(struct fuzz_thread *me)
{
    static const l4_word weights[] = { 45, 8, 4, 4, 8, 5, 5, 8, 8, 5 };
    struct fuzz_random *r = &me->random;
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0: return fuzz_known_thread(me);
    case 1: return me->myself;
    case 2: return L4_NILTHREAD;
    case 3: return L4_ANYTHREAD;
    case 4: { /* a live number with a stale or future version */
        l4_thread_id id = fuzz_known_thread(me);
        return l4_thread_id_make(l4_thread_number(id), l4_thread_version(id) + fuzz_between(r, 1, 3));
    }
    case 5: return l4_thread_id_make(NONEXISTENT_NUMBER + fuzz_below(r, 100), 1);
    case 6: return l4_thread_id_make(fuzz_below(r, KERNEL_THREAD_NUMBERS), 1); /* sigma0, interrupts */
    case 7: return me->last_from;
    case 8: return me->kept.blocked_source;
    default: return fuzz_next(r);
    }
}

l4_thread_id fuzz_server(struct fuzz_thread *me)
{
    for (int tries = 0; tries < 4; tries++) {
        l4_word index = fuzz_below(&me->random, fuzz_thread_count());
        if (fuzz_slot(index)->serving_percent >= 50)
            return fuzz_current_id(index);
    }
    return fuzz_known_thread(me);
}

l4_thread_id fuzz_from_spec(struct fuzz_thread *me)
{
    static const l4_word weights[] = { 30, 15, 10, 45 };
    switch (FUZZ_WEIGHTED(&me->random, weights)) {
    case 0: return L4_ANYTHREAD;
    case 1: return L4_NILTHREAD;
    case 2: return me->myself;
    default: return fuzz_thread_id(me);
    }
}

l4_word fuzz_short_timeout(struct fuzz_thread *me)
{
    return l4_timeout_us(fuzz_below(&me->random, 300));
}

l4_word fuzz_timeout(struct fuzz_thread *me)
{
    static const l4_word weights[] = { 15, 25, 30, 10, 5, 5, 5, 5 };
    struct fuzz_random *r = &me->random;
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0: return L4_TIMEOUT_NEVER;
    case 1: return L4_TIMEOUT_ZERO;
    case 2: return fuzz_short_timeout(me);
    case 3: return l4_timeout_us(fuzz_between(r, 300, 5000));
    case 4: return 31u << 10 | L4_TIMEOUT_MANTISSA_MAX; /* about 70 years */
    case 5: return 0x8000u | (fuzz_next(r) & 0x7fffu);  /* reserved bit 15 */
    case 6: return fuzz_below(r, 0x400);                /* e = 0: m microseconds, m = 0 is never */
    default: return fuzz_next(r) & 0xffffu;
    }
}

l4_word fuzz_timeouts(struct fuzz_thread *me)
{
    l4_word send = fuzz_timeout(me);
    return l4_timeouts(send, fuzz_timeout(me));
}

l4_word fuzz_pointer(struct fuzz_thread *me)
{
    static const l4_word weights[] = { 30, 10, 10, 35, 15 };
    struct fuzz_random *r = &me->random;
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0: return (l4_word)&scratch[fuzz_below(r, 60)];
    case 1: return (l4_word)&fuzz_params;
    case 2: return 0x00010000u + 4 * fuzz_below(r, 64); /* the image's text: readable, not writable */
    case 3: return bad_pointers[fuzz_below(r, sizeof bad_pointers / sizeof bad_pointers[0])];
    default: return fuzz_next(r);
    }
}

l4_word fuzz_utcb_address(struct fuzz_thread *me)
{
    static const l4_word weights[] = { 60, 10, 10, 10, 10 };
    struct fuzz_random *r = &me->random;
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0: return 0xbff00000u + 512 * fuzz_between(r, FUZZ_MAX_THREADS, 255); /* above any fuzz thread's */
    case 1: return 0xbff00000u + 512 * fuzz_below(r, FUZZ_MAX_THREADS) + fuzz_between(r, 1, 511); /* unaligned */
    case 2: return 0xbff00000u + 512 * fuzz_below(r, 8); /* taken, probably */
    case 3: return 0xc0000000u + 512 * fuzz_below(r, 1024);
    default: return 512 * fuzz_below(r, 8); /* the null page */
    }
}

static void fill_params(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    fuzz_params.true_source = fuzz_chance(r, 50) ? me->last_from : fuzz_thread_id(me);
    fuzz_params.blocked_source = fuzz_chance(r, 50) ? me->kept.blocked_source : fuzz_thread_id(me);
    fuzz_params.controlling_monitor = fuzz_chance(r, 50) ? me->myself : fuzz_thread_id(me);
    fuzz_params.delay_timeout_us = fuzz_chance(r, 70) ? 0 : fuzz_chance(r, 80) ? fuzz_below(r, 3000) : fuzz_next(r);
}

l4_word fuzz_send_descriptor(struct fuzz_thread *me)
{
    static const l4_word weights[] = { 45, 15, 20, 5, 10, 5 };
    struct fuzz_random *r = &me->random;
    fill_params(me);
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0: return L4_SND_DESC_NONE;
    case 1: return l4_snd_desc(&fuzz_params);
    case 2: return l4_snd_desc_option(fuzz_below(r, 8), fuzz_chance(r, 85) ? &fuzz_params : 0);
    case 3: return (l4_word)&fuzz_params | fuzz_between(r, 1, 7) << 1; /* option bits without O */
    case 4: return (fuzz_pointer(me) & ~0xfu) | (fuzz_next(r) & 0xfu);
    default: return fuzz_next(r);
    }
}

l4_word fuzz_source_fpage(struct fuzz_thread *me, l4_word rights)
{
    struct fuzz_random *r = &me->random;
    l4_word log2 = fuzz_between(r, 12, FUZZ_SOURCE_LOG2);
    l4_word offset = fuzz_below(r, 1u << (FUZZ_SOURCE_LOG2 - log2)) << log2;
    return l4_fpage_make(FUZZ_SOURCE_ADDRESS + offset, log2, rights);
}

l4_word fuzz_fpage(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    if (fuzz_chance(r, 10))
        return fuzz_next(r);
    if (fuzz_chance(r, 10)) /* nil, too large, or a size below a page */
        return l4_fpage_make(FUZZ_SOURCE_ADDRESS, fuzz_chance(r, 50) ? fuzz_below(r, 12) : fuzz_between(r, 17, 63),
                             fuzz_below(r, 8));
    return fuzz_source_fpage(me, fuzz_below(r, 8));
}

l4_word fuzz_any_fpage(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    static const l4_word weights[] = { 10, 45, 10, 10, 25 };
    l4_word log2;
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0: log2 = 0; break;
    case 1: log2 = fuzz_between(r, 12, 32); break;
    case 2: log2 = fuzz_between(r, 1, 11); break;
    case 3: log2 = fuzz_between(r, 33, 63); break;
    default: return fuzz_next(r);
    }
    l4_word base = fuzz_next(r);
    if (fuzz_chance(r, 70))
        base &= log2 >= 32 ? 0 : ~((1u << (log2 < 10 ? 10 : log2)) - 1);
    return l4_fpage_make(base, log2, fuzz_below(r, 8));
}

static l4_word typed_item_word0(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    l4_word type = fuzz_chance(r, 90) ? (fuzz_chance(r, 70) ? L4_ITEM_MAP : L4_ITEM_GRANT) : fuzz_below(r, 8);
    return l4_typed_item_word0(fuzz_next(r), type) | (fuzz_chance(r, 5) ? fuzz_below(r, 0x400) : 0);
}

static void typed_message(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    l4_word items = fuzz_between(r, 1, 3);
    l4_word untyped = fuzz_below(r, 4);
    l4_word typed = 2 * items + (fuzz_chance(r, 10) ? 1 : 0); /* sometimes half an item */
    l4_set_mr(0, l4_msg_tag_make(fuzz_next(r), untyped, typed));
    for (l4_word i = 1; i <= untyped; i++)
        l4_set_mr(i, fuzz_next(r));
    for (l4_word i = 0; i < typed; i += 2) {
        /* A grant moves the page for good: only ever from the source region, never the fuzzer's own code. */
        l4_word fpage = fuzz_fpage(me);
        l4_word word0 = typed_item_word0(me);
        int outside_source = l4_fpage_base(fpage) < FUZZ_SOURCE_ADDRESS
                || l4_fpage_base(fpage) >= FUZZ_SOURCE_ADDRESS + (1u << FUZZ_SOURCE_LOG2)
                || l4_fpage_log2_size(fpage) > FUZZ_SOURCE_LOG2;
        if (outside_source)
            word0 = l4_typed_item_word0(word0, L4_ITEM_MAP);
        l4_set_mr(1 + untyped + i, word0);
        l4_set_mr(2 + untyped + i, fpage);
    }
}

void fuzz_message(struct fuzz_thread *me)
{
    static const l4_word weights[] = { 70, 12, 8, 10 };
    struct fuzz_random *r = &me->random;
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0: {
        l4_word untyped = fuzz_below(r, 9);
        l4_set_mr(0, l4_msg_tag_make(fuzz_next(r), untyped, 0));
        for (l4_word i = 1; i <= untyped; i++)
            l4_set_mr(i, fuzz_next(r));
        return;
    }
    case 1:
        typed_message(me);
        return;
    case 2: /* u + t > 63 */
        l4_set_mr(0, l4_msg_tag_make(fuzz_next(r), fuzz_between(r, 32, 63), fuzz_between(r, 32, 63)));
        return;
    default: /* noise in label, flags and u; typed words would turn stale MRs into grants of anything */
        l4_set_mr(0, fuzz_next(r) & ~(0x3fu << 6));
        return;
    }
}

void fuzz_receive_window(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    l4_word log2 = fuzz_between(r, 12, FUZZ_WINDOW_LOG2);
    l4_word offset = fuzz_below(r, 1u << (FUZZ_WINDOW_LOG2 - log2)) << log2;
    l4_set_br(0, fuzz_chance(r, 20) ? L4_FPAGE_NIL
                                    : l4_fpage_make(FUZZ_WINDOW_ADDRESS + offset, log2, fuzz_below(r, 8)));
}
