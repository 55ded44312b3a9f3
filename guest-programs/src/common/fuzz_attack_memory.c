/* The classes fpages and kernel-pages (fuzz_attacks.h). */
#include "fuzz_attacks.h"
#include "fuzz_arguments.h"
#include "fuzz_calls.h"
#include "fuzz_oracle.h"

#define KERNEL_START 0xC0000000u
#define LAST_USER_PAGE 0xBFFFF000u
#define UTCB_AREA 0xBFF00000u
#define UTCB_WINDOW_MAX_LOG2 16 /* the boot threads' UTCB pages and free slots, never a stack */
#define BOOTINFO_WINDOW_MAX_LOG2 16
#define LOW_WINDOW_MAX_LOG2 16  /* [0, 64 KiB): the null page and what lies below the image */
#define WINDOW_REGION_LOG2 28   /* [0x70000000, 0x80000000) */
#define KERNEL_WINDOW_MIN_LOG2 12
#define KERNEL_WINDOW_MAX_LOG2 30

/* A base for an fpage of 2^log2 bytes in [region, region + 2^region_log2): aligned, or not. */
static l4_word base_in(struct fuzz_thread *me, l4_word region, l4_word region_log2, l4_word log2)
{
    struct fuzz_random *r = &me->random;
    l4_word span = log2 < region_log2 ? log2 : region_log2;
    l4_word offset = fuzz_next(r) & ((1u << region_log2) - 1) & ~((1u << span) - 1);
    if (fuzz_chance(r, 20))
        offset |= (fuzz_next(r) & ((1u << span) - 1)) & ~0x3ffu; /* not aligned to its size */
    return region + offset;
}

l4_word fuzz_safe_window(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    static const l4_word weights[] = { 40, 12, 12, 10, 8, 10, 8 };
    l4_word log2;
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0: /* the window region, with sizes in and out of range */
        log2 = fuzz_chance(r, 70) ? fuzz_between(r, 12, WINDOW_REGION_LOG2)
                                  : fuzz_chance(r, 50) ? fuzz_between(r, 1, 11) : fuzz_between(r, 33, 63);
        return l4_fpage_make(base_in(me, FUZZ_WINDOW_ADDRESS, WINDOW_REGION_LOG2, log2 > 32 ? 32 : log2), log2,
                             fuzz_below(r, 8));
    case 1:
        log2 = fuzz_between(r, 12, BOOTINFO_WINDOW_MAX_LOG2);
        return l4_fpage_make(L4_BOOTINFO_ADDRESS & ~((1u << log2) - 1), log2, fuzz_below(r, 8));
    case 2:
        log2 = fuzz_between(r, 12, UTCB_WINDOW_MAX_LOG2);
        return l4_fpage_make(UTCB_AREA, log2, fuzz_below(r, 8));
    case 3:
        return l4_fpage_make(0, fuzz_between(r, 12, LOW_WINDOW_MAX_LOG2), fuzz_below(r, 8));
    case 4:
        return l4_fpage_make(LAST_USER_PAGE, 12, fuzz_below(r, 8));
    case 5:
        log2 = fuzz_between(r, KERNEL_WINDOW_MIN_LOG2, KERNEL_WINDOW_MAX_LOG2);
        return l4_fpage_make(base_in(me, KERNEL_START, KERNEL_WINDOW_MAX_LOG2, log2), log2, fuzz_below(r, 8));
    default:
        return L4_FPAGE_NIL;
    }
}

/* A send base aimed at the interesting places of a window: its edges and the kernel-owned pages. */
static l4_word aimed_send_base(struct fuzz_thread *me)
{
    static const l4_word targets[] = { L4_BOOTINFO_ADDRESS, UTCB_AREA, UTCB_AREA + 0x1000u, 0, 0x1000u,
                                       LAST_USER_PAGE, KERNEL_START, 0xFFFFF000u, FUZZ_WINDOW_ADDRESS };
    struct fuzz_random *r = &me->random;
    return fuzz_chance(r, 70) ? targets[fuzz_below(r, sizeof targets / sizeof targets[0])] : fuzz_next(r);
}

/* An fpage of the sender's own to map: its source region (any size), boot info page, UTCB page, code. */
static l4_word own_fpage(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    switch (fuzz_below(r, 5)) {
    case 0: return l4_fpage_make(L4_BOOTINFO_ADDRESS, 12, L4_RIGHTS_RWX);
    case 1: return l4_fpage_page((l4_word)l4_arch_utcb(), L4_RIGHTS_RWX);
    case 2: return l4_fpage_page(0x00010000u, L4_RIGHTS_RWX);
    default: return fuzz_source_fpage(me, fuzz_below(r, 8));
    }
}

/* A thread that waits in an open receive right now, if one turns up in a few tries. */
static l4_thread_id receiver(struct fuzz_thread *me)
{
    for (int tries = 0; tries < 4; tries++) {
        l4_word index = fuzz_below(&me->random, fuzz_thread_count());
        if (fuzz_slot(index)->receiving)
            return fuzz_current_id(index);
    }
    return fuzz_known_thread(me);
}

/* Open a window of the kind the class attacks, and wait for a mapping there. */
static void receive_into(struct fuzz_thread *me, l4_word window)
{
    l4_set_mr(0, 0);
    l4_set_br(0, window);
    fuzz_ipc(me, L4_NILTHREAD, L4_ANYTHREAD, l4_timeouts(0, fuzz_short_timeout(me)), L4_SND_DESC_NONE);
}

static void send_items(struct fuzz_thread *me, l4_word items, int kernel_pages)
{
    struct fuzz_random *r = &me->random;
    l4_word untyped = fuzz_below(r, 3);
    int granted_kernel_page = 0;
    l4_set_mr(0, l4_msg_tag_make(fuzz_next(r), untyped, 2 * items));
    for (l4_word i = 1; i <= untyped; i++)
        l4_set_mr(i, fuzz_next(r));
    for (l4_word i = 0; i < items; i++) {
        l4_word fpage = kernel_pages ? own_fpage(me) : fuzz_chance(r, 60) ? fuzz_any_fpage(me) : fuzz_source_fpage(me, 7);
        int inside_source = l4_fpage_base(fpage) >= FUZZ_SOURCE_ADDRESS
                            && l4_fpage_base(fpage) < FUZZ_SOURCE_ADDRESS + (1u << FUZZ_SOURCE_LOG2)
                            && l4_fpage_log2_size(fpage) <= FUZZ_SOURCE_LOG2;
        /* A grant moves the page for good: the source region's, or (kernel-pages) a kernel-owned page,
           which must stay where it is. Never the thread's own code. */
        int kernel_owned = l4_fpage_base(fpage) == L4_BOOTINFO_ADDRESS
                           || l4_fpage_base(fpage) == ((l4_word)l4_arch_utcb() & ~0xfffu);
        l4_word type = (inside_source || (kernel_pages && kernel_owned)) && fuzz_chance(r, 30) ? L4_ITEM_GRANT : L4_ITEM_MAP;
        granted_kernel_page |= type == L4_ITEM_GRANT && kernel_owned;
        l4_set_typed_item(1 + untyped + 2 * i, type, kernel_pages ? aimed_send_base(me) : fuzz_next(r), fpage);
    }
    fuzz_ipc(me, receiver(me), L4_NILTHREAD, l4_timeouts(fuzz_short_timeout(me), 0), L4_SND_DESC_NONE);
    if (granted_kernel_page)
        fuzz_check_boot_info_mapped(me);
}

void fuzz_attack_fpages(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    static const l4_word weights[] = { 35, 40, 25 };
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0:
        receive_into(me, fuzz_safe_window(me));
        return;
    case 1:
        send_items(me, fuzz_between(r, 1, 3), 0);
        return;
    default: /* any fpage from the others' spaces; from its own only in the source region */
        if (fuzz_chance(r, 80))
            fuzz_unmap(me, fuzz_any_fpage(me), 0);
        else
            fuzz_unmap(me, fuzz_source_fpage(me, fuzz_below(r, 8)), L4_UNMAP_ALSO_OWN);
        return;
    }
}

void fuzz_attack_kernel_pages(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    if (fuzz_chance(r, 40)) {
        l4_word window;
        do
            window = fuzz_safe_window(me);
        while (l4_fpage_base(window) >= FUZZ_WINDOW_ADDRESS && l4_fpage_base(window) < FUZZ_WINDOW_ADDRESS + (1u << WINDOW_REGION_LOG2));
        receive_into(me, window);
        return;
    }
    send_items(me, 1, 1);
}
