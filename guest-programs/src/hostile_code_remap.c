/*
 * Code in a page that was revoked and mapped to another frame runs from the new frame, wherever
 * in the page it is and wherever its space was meanwhile (tests/isolation/code_remap.test.yaml).
 * The engine finds translated code by PC alone before it looks at any mapping (QEMU's jump
 * cache), its pages are 1 KiB on arm while a mapping's are 4 KiB, and a space that left keeps
 * its TLB and, where its code is tagged, its slots in that cache: none of it may let a space run
 * code of a frame no longer mapped there.
 *
 * Roles: `provider` maps one of two pages of its own (each with an entry at every 1 KiB that
 * returns the page's number) into `tester` at CODE_WINDOW, a PC nothing else runs at; `tester`
 * calls every entry there. Then `provider` revokes the page and maps the other one at the same
 * place, and `tester` calls every entry again and must get the other number. In odd rounds the
 * tester is pushed out of the CPU first (the provider passes messages with `filler1` and
 * `filler2` until it has left both of arm's cached spaces); in even ones the two first pass
 * messages until both stay cached, side by side, and the tester calls every entry there before
 * it asks.
 */
#include <l4.h>
#include "common/scenario.h"

#define CODE_WINDOW 0x40000000u
/* A page of the tester's own in the window's 1 MiB, so that the window's page table is not
   freed when its page is revoked (freeing it would flush everything the engine caches). */
#define NEIGHBOUR 0x40080000u
#define PAGE_LOG2 12
#define ENTRY_SPACING 0x400u
#define ENTRIES 4
#define LABEL_MAP 0x10
#define FILL_ROUNDS 12
/* Round trips that leave the two spaces cached side by side: arm's secure state takes a space
   only after its own one sat out eight entries (the emulator's ResidentSpaces). */
#define SETTLE_ROUNDS 12
#define REMAPS 8

typedef l4_word (*code_fn)(void);

/* A page with an entry returning `value` at each ENTRY_SPACING: mov value to the result register, return. */
#if defined(__arm__)
#define RETURN_VALUE(value) ".balign 1024\n.word 0xE3A00000 + " #value ", 0xE12FFF1E\n"
#else
#define RETURN_VALUE(value) ".balign 1024\n.byte 0xB8, " #value ", 0, 0, 0, 0xC3\n"
#endif
#define CODE_PAGE(name, value) \
    __asm__(".pushsection .text." #name ",\"ax\"\n.balign 4096\n" #name ":\n" RETURN_VALUE(value) \
            RETURN_VALUE(value) RETURN_VALUE(value) RETURN_VALUE(value) ".balign 4096\n.popsection\n")

CODE_PAGE(page_one, 1);
CODE_PAGE(page_two, 2);
extern const char page_one[], page_two[];

static void reply_with_page(l4_thread_id tester, const char *page)
{
    l4_load_item_message(LABEL_MAP, L4_ITEM_MAP, 0, l4_fpage_make((l4_word)page, PAGE_LOG2, L4_RIGHTS_RX));
    l4_ipc_result r = l4_reply(tester);
    if (l4_ipc_failed(r))
        expect_ipc("code remap: the provider's map item", untimed(r), succeeds(unmeasured()));
}

static void provider(void)
{
    l4_thread_id tester = l4_lookup("tester");
    l4_thread_id filler1 = l4_lookup("filler1");
    l4_thread_id filler2 = l4_lookup("filler2");

    l4_receive(tester);
    reply_with_page(tester, page_one);
    for (int remap = 1; remap <= REMAPS; remap++) {
        const char *mapped = remap % 2 ? page_one : page_two;
        for (int i = 0; remap % 2 == 0 && i < SETTLE_ROUNDS; i++) {
            l4_receive(tester);
            l4_load_message(0, 0, 0);
            l4_reply(tester);
        }
        l4_receive(tester);
        for (int i = 0; remap % 2 && i < FILL_ROUNDS; i++) {
            l4_load_message(0, 0, 0);
            l4_call(filler1);
            l4_load_message(0, 0, 0);
            l4_call(filler2);
        }
        l4_unmap(l4_fpage_make((l4_word)mapped, PAGE_LOG2, L4_RIGHTS_R | L4_RIGHTS_W | L4_RIGHTS_X), 0);
        reply_with_page(tester, remap % 2 ? page_two : page_one);
    }
    /* Its task must outlive the tester's last call: the mapping goes with it. */
    l4_receive(tester);
}

static void filler(void)
{
    l4_thread_id provider_id = l4_lookup("provider");
    for (;;) {
        l4_receive(provider_id);
        l4_load_message(0, 0, 0);
        l4_reply(provider_id);
    }
}

static void call_every_entry(const char *round, l4_word expected)
{
    char what[96];
    for (l4_word entry = 0; entry < ENTRIES; entry++) {
        l4_word offset = entry * ENTRY_SPACING;
        l4_snprintf(what, sizeof what, "code remap %s: the entry at 0x%x", round, (unsigned)(CODE_WINDOW + offset));
        expect_hex(what, ((code_fn)(CODE_WINDOW + offset))(), expected);
    }
}

static void ask_for_page(l4_thread_id provider_id)
{
    l4_set_receive_window(l4_fpage_make(CODE_WINDOW, PAGE_LOG2, 0));
    l4_load_message(0, 0, 0);
    l4_ipc_result r = l4_call(provider_id);
    if (l4_ipc_failed(r))
        expect_ipc("code remap: the tester's request", untimed(r), succeeds(unmeasured()));
}

static void tester(void)
{
    l4_thread_id provider_id = l4_lookup("provider");
    char round[48];

    *(volatile l4_word *)NEIGHBOUR = 1;
    ask_for_page(provider_id);
    call_every_entry("0, the first page", 1);
    for (int remap = 1; remap <= REMAPS; remap++) {
        if (remap % 2 == 0) {
            for (int i = 0; i < SETTLE_ROUNDS; i++) {
                l4_load_message(0, 0, 0);
                l4_call(provider_id);
            }
            /* Translated again where the tester is cached now, so that the blocks are there to be found. */
            l4_snprintf(round, sizeof round, "%d, before the remap, cached", remap);
            call_every_entry(round, 2);
        }
        ask_for_page(provider_id);
        l4_snprintf(round, sizeof round, "%d, mapped while the tester was %s", remap,
                    remap % 2 ? "out" : "cached");
        call_every_entry(round, remap % 2 ? 2 : 1);
    }
    finish("code remap");
}

static const struct role roles[] = {
    { "provider", provider },
    { "tester", tester },
    { "filler1", filler },
    { "filler2", filler },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
