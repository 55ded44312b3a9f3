/*
 * S5 Placement of a mapped fpage in the receiver's window (ABI section 2, typed items;
 * docs/abi.md section 2.5): an fpage no larger than the window lands at window base + (send
 * base mod window size), rounded down to the fpage's size; a larger one is cut to the window,
 * the window-sized piece at (send base mod fpage size), rounded down to the window size, landing
 * at the window base. A grant moves the page: the sender no longer has it.
 *
 * Roles: `sender` owns a 64 KiB <memory> region whose page k starts with the word PAGE_MARK(k)
 * and sends one item per placement; `receiver` opens the placement's window, receives, and
 * reads its own region, where a page nothing was mapped to is a fresh zero page from sigma0.
 * The sender reports what its granted page reads afterwards; the receiver gives the verdict.
 */
#include <l4.h>
#include "common/scenario.h"

#define SENDER_REGION 0x40000000u
#define SENDER_PAGES 16
#define PAGE_MARK(k) (0xA0000000u + (k))
#define PAGE_SIZE 0x1000u
#define PAGE_LOG2 12
#define FRESH_PAGE 0
#define GRANTED_PAGE 10
#define GRANT_WINDOW 0x500A0000u
#define LABEL_ITEM 0x10
#define LABEL_REPORT 0x11

#define WORD_AT(address) (*(volatile l4_word *)(address))

struct placement {
    const char *what;
    l4_word first_page;   /* the fpage sent: sender pages first_page.. */
    l4_word log2_size;
    l4_word send_base;
    l4_word window;       /* the receiver's window */
    l4_word window_log2;
    l4_word lands_at;     /* where the first page mapped should appear */
    l4_word landed_page;  /* the sender's page expected there */
    l4_word pages;        /* how many consecutive pages land */
    l4_word empty_at;     /* a window page that must stay empty */
};

static const struct placement placements[] = {
    { "S5 4 KiB page, send base 0x12345000, 64 KiB window at 0x50000000",
      1, 12, 0x12345000u, 0x50000000u, 16, 0x50005000u, 1, 1, 0x50004000u },
    { "S5 8 KiB fpage, send base 0x3000, 64 KiB window at 0x50010000 (rounded down to 8 KiB)",
      8, 13, 0x3000u, 0x50010000u, 16, 0x50012000u, 8, 2, 0x50011000u },
    { "S5 4 KiB page, send base 0xFFFFF000, 64 KiB window at 0x50020000",
      2, 12, 0xFFFFF000u, 0x50020000u, 16, 0x5002F000u, 2, 1, 0x5002E000u },
    { "S5 16 KiB fpage, send base 0x2000, cut to a 4 KiB window at 0x50080000",
      4, 14, 0x2000u, 0x50080000u, 12, 0x50080000u, 6, 1, 0 },
    { "S5 16 KiB fpage, send base 0x7000, cut to an 8 KiB window at 0x50090000",
      12, 14, 0x7000u, 0x50090000u, 13, 0x50090000u, 14, 2, 0 },
};

#define PLACEMENTS (sizeof placements / sizeof placements[0])

static l4_word page_address(l4_word page)
{
    return SENDER_REGION + page * PAGE_SIZE;
}

static void sender(void)
{
    l4_thread_id receiver = l4_lookup("receiver");

    for (l4_word k = 0; k < SENDER_PAGES; k++)
        WORD_AT(page_address(k)) = PAGE_MARK(k);
    for (l4_word i = 0; i < PLACEMENTS; i++) {
        const struct placement *p = &placements[i];
        l4_load_item_message(LABEL_ITEM, L4_ITEM_MAP, p->send_base,
                             l4_fpage_make(page_address(p->first_page), p->log2_size, L4_RIGHTS_RW));
        l4_call(receiver);
    }
    l4_load_item_message(LABEL_ITEM, L4_ITEM_GRANT, 0,
                         l4_fpage_make(page_address(GRANTED_PAGE), PAGE_LOG2, L4_RIGHTS_RW));
    l4_call(receiver);
    l4_word after_grant = WORD_AT(page_address(GRANTED_PAGE));
    l4_load_message(LABEL_REPORT, 1, &after_grant);
    l4_send(receiver);
}

static void check_placement(const struct placement *p)
{
    char what[160];

    for (l4_word k = 0; k < p->pages; k++) {
        l4_snprintf(what, sizeof what, "%s: the word at 0x%x", p->what, p->lands_at + k * PAGE_SIZE);
        expect_hex(what, WORD_AT(p->lands_at + k * PAGE_SIZE), PAGE_MARK(p->landed_page + k));
    }
    if (p->empty_at) {
        l4_snprintf(what, sizeof what, "%s: nothing mapped at 0x%x", p->what, p->empty_at);
        expect_hex(what, WORD_AT(p->empty_at), FRESH_PAGE);
    }
}

static void receive_with_window(l4_thread_id sender, l4_word window, l4_word window_log2, const char *what)
{
    l4_set_receive_window(l4_fpage_make(window, window_log2, 0));
    l4_ipc_result r = l4_receive(sender);
    if (l4_ipc_failed(r))
        expect_ipc(what, untimed(r), succeeds(unmeasured()));
}

static void receiver(void)
{
    l4_thread_id sender = l4_lookup("sender");

    for (l4_word i = 0; i < PLACEMENTS; i++) {
        const struct placement *p = &placements[i];
        receive_with_window(sender, p->window, p->window_log2, p->what);
        check_placement(p);
        l4_load_message(0, 0, 0);
        l4_reply(sender);
    }
    receive_with_window(sender, GRANT_WINDOW, PAGE_LOG2, "S5 grant");
    expect_hex("S5 grant of a 4 KiB page into a 4 KiB window: the word there", WORD_AT(GRANT_WINDOW),
               PAGE_MARK(GRANTED_PAGE));
    l4_load_message(0, 0, 0);
    l4_reply(sender);
    receive_with_window(sender, 0, 0, "S5 the sender's report");
    expect_hex("S5 the sender's granted page now reads as a fresh page", l4_mr(1), FRESH_PAGE);
    finish("S5");
}

static const struct role roles[] = {
    { "sender", sender },
    { "receiver", receiver },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
