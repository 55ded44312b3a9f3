/*
 * S5, P2 Kernel-owned pages (the boot info page, UTCB pages) are a class: never unmapped from
 * their own task, never granted away, never replaced, whatever fpage names them.
 *
 * Roles: `holder` unmaps its own boot info and UTCB pages (the page alone and a 1 MiB fpage
 * around both, with the own flag and without), sends them as grant and map items, and sends a
 * map item whose pages would land on `peer`'s UTCB and boot info pages; after each it checks its
 * own boot info page (the magic), its UTCB (its ID, and a call whose message survives) and what
 * `peer` saw. `peer` opens the window `holder` asks for, takes one item message and reports its
 * dope, its boot info magic and the first word of each 64 KiB of a 1 MiB region of its own
 * (<memory>, zero unless something landed there).
 *
 * Last, a UTCB on a page another task gave: `holder` (privileged) takes a page `peer` maps it,
 * creates a thread `child` of its own task with its UTCB on that page, and has `peer` unmap the
 * page with the own flag and touch it again (sigma0 serves it anew): the page became the
 * kernel's, so it stays with `holder`, and its frame is not given back for `peer`'s new page.
 */
#include <l4.h>
#include "common/scenario.h"

#define BOOT_INFO_PAGE 0xBFFF0000u
#define UTCB_AREA 0xBFF00000u
#define MIB_LOG2 20
#define HOLDER_REGION 0x40000000u
#define PEER_REGION 0x50000000u
#define BOOT_INFO_OFFSET (BOOT_INFO_PAGE - UTCB_AREA)
#define LABEL_WINDOW 0x31
#define LABEL_ITEM 0x32
#define LABEL_REPORT 0x33
#define LABEL_ECHO 0x34
#define LABEL_GIVE 0x35
#define LABEL_TAKE_BACK 0x36
#define ECHO_WORD 0x5ec0ffeeu
/* Where `peer`'s given page lands in `holder`, and the page of `peer`'s region it gives. */
#define GIVEN_AT 0x41000000u
#define PEER_GIVES (PEER_REGION + 0x80000u)
#define GIVEN_MARK 0x600du
#define TOUCHED_MARK 0x5a5a5a5au
#define PAGE_WORDS 1024u
#define CHILD_NUMBER 1500u
#define CHILD_STACK_TOP (HOLDER_REGION + 0x100000u)
#define UTCB_MY_GLOBAL_ID 100u

struct report {
    l4_word sent;     /* the holder's dope */
    l4_word received; /* the peer's dope */
    l4_word magic;    /* the peer's boot info magic afterwards */
    l4_word landed;   /* nonzero when some word of the peer's region changed */
};

/* "ok" when both ends succeeded, else "sender error/receiver error". */
static const char *pair(struct report r, char text[16])
{
    if (l4_dope_error(r.sent) == 0 && l4_dope_error(r.received) == 0)
        return "ok";
    l4_snprintf(text, 16, "%u/%u", l4_dope_error(r.sent), l4_dope_error(r.received));
    return text;
}

/* One item message from the holder to the peer through `window`. */
static struct report send_item(l4_thread_id peer, l4_fpage window, enum l4_typed_item_type type,
                               l4_word send_base, l4_fpage page)
{
    l4_set_mr(0, l4_msg_tag_make(LABEL_WINDOW, 1, 0));
    l4_set_mr(1, window);
    l4_call_timeouts(peer, l4_timeout_us(PATIENT_US), l4_timeout_us(PATIENT_US));
    l4_load_item_message(LABEL_ITEM, type, send_base, page);
    struct report r = { 0 };
    r.sent = l4_send_timeout(peer, l4_timeout_us(PATIENT_US)).dope;
    l4_ipc_result got = l4_receive_timeout(peer, l4_timeout_us(PATIENT_US));
    if (l4_ipc_failed(got))
        return (struct report){ r.sent, got.dope, 0, 0 };
    return (struct report){ r.sent, l4_mr(1), l4_mr(2), l4_mr(3) };
}

/* Its own boot info page still there and read-only data intact, its UTCB still its own. */
static void expect_own_pages(const char *after, l4_thread_id me, l4_thread_id peer)
{
    char what[160];
    l4_snprintf(what, sizeof what, "S5 %s: the holder's boot info magic", after);
    char text[16];
    expect_text(what, (l4_snprintf(text, sizeof text, "0x%x", l4_bootinfo()->magic), text), "0x4942344c");
    l4_snprintf(what, sizeof what, "S5 %s: the holder's UTCB still holds its ID", after);
    expect_yes(what, l4_myself() == me);
    l4_set_mr(0, l4_msg_tag_make(LABEL_ECHO, 1, 0));
    l4_set_mr(1, ECHO_WORD);
    l4_ipc_result echoed = l4_call_timeouts(peer, l4_timeout_us(PATIENT_US), l4_timeout_us(PATIENT_US));
    l4_snprintf(what, sizeof what, "S5 %s: a call through the holder's UTCB carries its message", after);
    expect_yes(what, !l4_ipc_failed(echoed) && l4_mr(1) == ECHO_WORD + 1);
}

static void expect_item(const char *what, struct report r, const char *expected)
{
    char text[16], line[200];
    expect_text(what, pair(r, text), expected);
    l4_snprintf(line, sizeof line, "%s: the peer's boot info magic afterwards", what);
    expect_text(line, (l4_snprintf(text, sizeof text, "0x%x", r.magic), text), "0x4942344c");
    l4_snprintf(line, sizeof line, "%s: nothing landed in the peer's region", what);
    expect_yes(line, r.landed == 0);
}

/* The child `holder` makes: answers echo calls from `holder` through its UTCB on the given page. */
static void child(void)
{
    l4_thread_id holder = l4_lookup("holder");
    for (;;) {
        if (l4_ipc_failed(l4_receive(holder)))
            continue;
        l4_word word = l4_mr(1);
        l4_set_mr(0, l4_msg_tag_make(LABEL_ECHO, 1, 0));
        l4_set_mr(1, word + 1);
        l4_reply(holder);
    }
}

static int echoes(l4_thread_id to)
{
    l4_set_mr(0, l4_msg_tag_make(LABEL_ECHO, 1, 0));
    l4_set_mr(1, ECHO_WORD);
    l4_ipc_result echoed = l4_call_timeouts(to, l4_timeout_us(PATIENT_US), l4_timeout_us(PATIENT_US));
    return !l4_ipc_failed(echoed) && l4_mr(1) == ECHO_WORD + 1;
}

static l4_word given_word(l4_word index)
{
    return ((volatile l4_word *)GIVEN_AT)[index];
}

/* A UTCB on a page `peer` mapped: the page is the kernel's from then on (S5, P2). */
static void utcb_on_a_given_page(l4_thread_id peer)
{
    l4_set_receive_window(l4_fpage_page(GIVEN_AT, 0));
    l4_set_mr(0, l4_msg_tag_make(LABEL_GIVE, 0, 0));
    l4_ipc_result given = l4_call_timeouts(peer, l4_timeout_us(PATIENT_US), l4_timeout_us(PATIENT_US));
    l4_set_receive_window(L4_FPAGE_NIL);
    expect_yes("S5 a page the peer maps to the holder arrives", !l4_ipc_failed(given) && given_word(0) == GIVEN_MARK);
    l4_thread_id made = l4_thread_id_make(CHILD_NUMBER, 1);
    expect_value("S5 a thread of the holder's task with its UTCB on that page: thread_control",
                 l4_thread_control(made, l4_myself(), l4_pager(), GIVEN_AT), 0);
    l4_exchange_registers(made, L4_EXREGS_SET_SP_IP | L4_EXREGS_RESUME, CHILD_STACK_TOP, (l4_word)child);
    expect_yes("S5 a UTCB on a given page: a call to its thread carries its message", echoes(made));

    l4_set_mr(0, l4_msg_tag_make(LABEL_TAKE_BACK, 0, 0));
    l4_call_timeouts(peer, l4_timeout_us(PATIENT_US), l4_timeout_us(PATIENT_US));
    expect_yes("S5 a UTCB on a given page, after the giver unmapped it with the own flag and touched it anew: "
               "the thread's UTCB still holds its ID", given_word(UTCB_MY_GLOBAL_ID) == made);
    expect_yes("S5 a UTCB on a given page, after the giver unmapped it with the own flag and touched it anew: "
               "a call to its thread carries its message", echoes(made));
}

static void holder(void)
{
    l4_thread_id me = l4_myself(), peer = l4_lookup("peer");
    settle();

    l4_unmap(l4_fpage_page(BOOT_INFO_PAGE, L4_RIGHTS_RWX), L4_UNMAP_ALSO_OWN);
    l4_unmap(l4_fpage_page(UTCB_AREA, L4_RIGHTS_RWX), L4_UNMAP_ALSO_OWN);
    expect_own_pages("unmap of its boot info page and its UTCB page, with the own flag", me, peer);
    l4_unmap(l4_fpage_make(UTCB_AREA, MIB_LOG2, L4_RIGHTS_RWX), L4_UNMAP_ALSO_OWN);
    l4_unmap(l4_fpage_make(UTCB_AREA, MIB_LOG2, L4_RIGHTS_RWX), 0);
    expect_own_pages("unmap of the 1 MiB around its UTCB and boot info pages, with and without the own flag", me,
                     peer);

    expect_item("S5 a grant item of the sender's boot info page, into a 1 MiB window",
                send_item(peer, l4_fpage_make(PEER_REGION, MIB_LOG2, 0), L4_ITEM_GRANT, BOOT_INFO_PAGE,
                          l4_fpage_page(BOOT_INFO_PAGE, L4_RIGHTS_R)), "ok");
    expect_own_pages("after granting its boot info page", me, peer);
    expect_item("S5 a grant item of the 1 MiB around the sender's UTCB and boot info pages",
                send_item(peer, l4_fpage_make(PEER_REGION, MIB_LOG2, 0), L4_ITEM_GRANT, 0,
                          l4_fpage_make(UTCB_AREA, MIB_LOG2, L4_RIGHTS_RWX)), "ok");
    expect_own_pages("after granting the 1 MiB around its UTCB and boot info pages", me, peer);
    expect_item("S5 a map item of the 1 MiB around the sender's UTCB and boot info pages",
                send_item(peer, l4_fpage_make(PEER_REGION, MIB_LOG2, 0), L4_ITEM_MAP, 0,
                          l4_fpage_make(UTCB_AREA, MIB_LOG2, L4_RIGHTS_RWX)), "ok");

    /* Pages of the holder's own region that would land on the peer's UTCB and boot info pages. */
    *(volatile l4_word *)HOLDER_REGION = 1;
    *(volatile l4_word *)(HOLDER_REGION + BOOT_INFO_OFFSET) = 2;
    expect_item("S5 a map item whose pages would land on the receiver's UTCB and boot info pages",
                send_item(peer, l4_fpage_make(UTCB_AREA, MIB_LOG2, 0), L4_ITEM_MAP, 0,
                          l4_fpage_make(HOLDER_REGION, MIB_LOG2, L4_RIGHTS_RW)), "4/4");
    expect_item("S5 a grant item whose pages would land on the receiver's UTCB and boot info pages",
                send_item(peer, l4_fpage_make(UTCB_AREA, MIB_LOG2, 0), L4_ITEM_GRANT, 0,
                          l4_fpage_make(HOLDER_REGION, MIB_LOG2, L4_RIGHTS_RW)), "4/4");
    expect_own_pages("at the end", me, peer);
    utcb_on_a_given_page(peer);
    finish("S5");
}

/* The first word of every 64 KiB of the peer's 1 MiB region: all zero unless a page landed there. */
static l4_word region_changed(void)
{
    l4_word changed = 0;
    for (l4_word offset = 0; offset < (1u << MIB_LOG2); offset += 0x10000u)
        changed |= *(volatile l4_word *)(PEER_REGION + offset);
    changed |= *(volatile l4_word *)(PEER_REGION + BOOT_INFO_OFFSET);
    return changed;
}

/* Takes the given page back from everyone and from itself, then touches it: sigma0 serves a new one. */
static void take_back(void)
{
    l4_unmap(l4_fpage_page(PEER_GIVES, L4_RIGHTS_RWX), L4_UNMAP_ALSO_OWN);
    for (l4_word i = 0; i < PAGE_WORDS; i++)
        ((volatile l4_word *)PEER_GIVES)[i] = TOUCHED_MARK;
}

static void peer(void)
{
    l4_thread_id holder = l4_lookup("holder");
    for (;;) {
        l4_set_receive_window(L4_FPAGE_NIL);
        if (l4_ipc_failed(l4_receive(holder)))
            continue;
        l4_msg_tag tag = l4_msg_tag_current();
        if (l4_msg_tag_label(tag) == LABEL_GIVE) {
            *(volatile l4_word *)PEER_GIVES = GIVEN_MARK;
            l4_load_item_message(LABEL_GIVE, L4_ITEM_MAP, 0, l4_fpage_page(PEER_GIVES, L4_RIGHTS_RW));
            l4_reply(holder);
            continue;
        }
        if (l4_msg_tag_label(tag) == LABEL_TAKE_BACK) {
            take_back();
            l4_set_mr(0, l4_msg_tag_make(LABEL_TAKE_BACK, 0, 0));
            l4_reply(holder);
            continue;
        }
        if (l4_msg_tag_label(tag) == LABEL_ECHO) {
            l4_word word = l4_mr(1);
            l4_set_mr(0, l4_msg_tag_make(LABEL_ECHO, 1, 0));
            l4_set_mr(1, word + 1);
            l4_reply(holder);
            continue;
        }
        l4_fpage window = l4_mr(1);
        l4_set_mr(0, l4_msg_tag_make(LABEL_WINDOW, 0, 0));
        l4_reply(holder);
        l4_set_receive_window(window);
        l4_ipc_result got = l4_receive_timeout(holder, l4_timeout_us(PATIENT_US));
        l4_set_receive_window(L4_FPAGE_NIL);
        l4_word landed = region_changed();
        l4_set_mr(0, l4_msg_tag_make(LABEL_REPORT, 3, 0));
        l4_set_mr(1, got.dope);
        l4_set_mr(2, l4_bootinfo()->magic);
        l4_set_mr(3, landed);
        l4_send_timeout(holder, l4_timeout_us(PATIENT_US));
    }
}

static const struct role roles[] = { { "holder", holder }, { "peer", peer } };

int main(void)
{
    PLAY_MY_ROLE(roles);
}
