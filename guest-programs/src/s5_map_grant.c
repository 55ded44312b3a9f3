/*
 * S5 Message transfer with typed items: map and grant items placed in the receiver's window
 * (BR0), rights masked by the item, the mapping database's recursive unmap, and error 4 for
 * both sides when the receiver has no window. Also P1: a denied IPC maps nothing.
 *
 * Roles: `owner` holds a <memory> region that sigma0 serves; page k of it starts with the word
 * 0x5a000000 + k. `middle` and `leaf` are servants (common/remote.h) paged by the owner, which
 * drives them, so the owner learns of every access that finds nothing mapped (common/probe.h).
 * `outsider` is a servant that may send only to the owner (an allow rule), and receives.
 * Mappings: owner page k -> middle 0x50000000 + k pages -> leaf 0x51000000 + k pages.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/probe.h"

#define OWNER_REGION 0x40000000u
#define MIDDLE_BASE 0x50000000u
#define LEAF_BASE 0x51000000u
#define GRANT_BASE 0x52000000u
#define WIDE_WINDOW 0x60000000u
#define NARROW_WINDOW 0x70000000u
#define PAGE_WORD(k) (0x5a000000u + (k))
#define REGION_PAGES 32
#define HOLE_PAGE 31
#define NOT_MAPPED_IN_OWNER 0x48000000u
#define UTCB_AREA 0xBFF00000u

enum owner_page {
    PAGE_MAP = 0,
    PAGE_READ_ONLY = 1,
    PAGE_PLACED = 2,
    PAGE_REPLACING = 3,
    PAGE_WIDE = 4, /* 4..7: one 16 KiB fpage */
    PAGE_RECURSIVE = 8,
    PAGE_MIDDLE_UNMAPS = 9,
    PAGE_WRITE_REVOKED = 10,
    PAGE_OWN_TOO = 11,
    PAGE_GRANTED = 12,
    PAGE_GRANTED_ON = 13,
    PAGE_REFUSED = 14,
    PAGE_MAPPED_BACK = 16,
    PAGE_GRANTED_READ_ONLY = 17,
};

static l4_word owner_page(l4_word k)
{
    return OWNER_REGION + k * L4_PAGE_SIZE;
}

static l4_word middle_page(l4_word k)
{
    return MIDDLE_BASE + k * L4_PAGE_SIZE;
}

static l4_word leaf_page(l4_word k)
{
    return LEAF_BASE + k * L4_PAGE_SIZE;
}

static l4_thread_id middle_id, leaf_id, outsider_id;

/* Both ends of one transfer of an item. */
struct transfer {
    l4_ipc_result sent;
    l4_ipc_result received;
};

/* `receiver` opens `window` for one message from `sender`, which sends one item: the owner
   itself, or a servant told to. */
static struct transfer transfer(l4_thread_id sender, l4_thread_id receiver, l4_fpage window,
                                enum l4_typed_item_type type, l4_word send_base, l4_fpage page)
{
    struct transfer result;
    remote_command(receiver, REMOTE_ACCEPT, 2, (l4_word[]){ window, sender }, 0);
    if (sender == l4_myself()) {
        l4_load_item_message(0x200, type, send_base, page);
        result.sent = l4_send_timeout(receiver, l4_timeout_us(PATIENT_US));
    } else {
        struct remote_result told = remote_command(sender, REMOTE_SEND_ITEM, 4,
                                                   (l4_word[]){ receiver, type, send_base, page }, 0);
        result.sent = (l4_ipc_result){ receiver, told.value };
    }
    struct remote_result last = remote_command(receiver, REMOTE_LAST_RECEIVED, 0, 0, 0);
    result.received = (l4_ipc_result){ last.second, last.value };
    return result;
}

/* Maps one page from `sender` at `from` to `receiver` at `to`, through a one-page window. */
static struct transfer map_page(l4_thread_id sender, l4_word from, l4_thread_id receiver, l4_word to,
                                l4_word rights)
{
    return transfer(sender, receiver, l4_fpage_page(to, 0), L4_ITEM_MAP, 0, l4_fpage_page(from, rights));
}

static struct transfer grant_page(l4_thread_id sender, l4_word from, l4_thread_id receiver, l4_word to)
{
    return transfer(sender, receiver, l4_fpage_page(to, 0), L4_ITEM_GRANT, 0,
                    l4_fpage_page(from, L4_RIGHTS_RWX));
}

/* owner page k -> middle page k -> leaf page k, all read-write. */
static void chain(l4_word k)
{
    map_page(l4_myself(), owner_page(k), middle_id, middle_page(k), L4_RIGHTS_RW);
    map_page(middle_id, middle_page(k), leaf_id, leaf_page(k), L4_RIGHTS_RW);
}

static void unmap_own_page(l4_word address, l4_word rights, l4_word flags)
{
    l4_unmap(l4_fpage_page(address, rights), flags);
}

static void expect_read(const char *what, l4_thread_id servant, l4_word address, const char *expected)
{
    char text[PROBE_TEXT_SIZE];
    expect_text(what, probe_read(servant, address, text), expected);
}

static void expect_write(const char *what, l4_thread_id servant, l4_word address, const char *expected)
{
    char text[PROBE_TEXT_SIZE];
    expect_text(what, probe_write(servant, address, 0x600d0000u, text), expected);
}

static void expect_own_word(const char *what, l4_word k, const char *expected)
{
    char text[16];
    expect_text(what, l4_snprintf(text, sizeof text, "0x%x", *(volatile l4_word *)owner_page(k)), expected);
}

static void fill_region(void)
{
    for (l4_word k = 0; k < REGION_PAGES; k++)
        *(volatile l4_word *)owner_page(k) = PAGE_WORD(k);
    probe_use_hole(owner_page(HOLE_PAGE));
}

static void plain_map(void)
{
    struct transfer map = map_page(l4_myself(), owner_page(PAGE_MAP), middle_id, middle_page(PAGE_MAP),
                                   L4_RIGHTS_RW);
    expect_ipc("S5 map: the sender's send", untimed(map.sent), succeeds(unmeasured()));
    expect_ipc("S5 map: the receiver's receive", untimed(map.received), succeeds(unmeasured()));
    expect_read("S5 map: middle reads the owner's page", middle_id, middle_page(PAGE_MAP), "0x5a000000");
    expect_write("S5 map: middle writes to it", middle_id, middle_page(PAGE_MAP) + 4, "written");
    char text[16];
    expect_text("S5 map: the owner reads middle's write in the shared frame",
                l4_snprintf(text, sizeof text, "0x%x", ((volatile l4_word *)owner_page(PAGE_MAP))[1]),
                "0x600d0000");
}

static void rights_masked(void)
{
    map_page(l4_myself(), owner_page(PAGE_READ_ONLY), middle_id, middle_page(PAGE_READ_ONLY), L4_RIGHTS_R);
    map_page(middle_id, middle_page(PAGE_READ_ONLY), leaf_id, leaf_page(PAGE_READ_ONLY), L4_RIGHTS_RW);
    expect_read("S5 map with a read-only item: middle reads", middle_id, middle_page(PAGE_READ_ONLY),
                "0x5a000001");
    expect_read("S5 read-only page mapped on with a read-write item: leaf reads", leaf_id,
                leaf_page(PAGE_READ_ONLY), "0x5a000001");
    /* Writes last: a probe's fault replaces the mapping it hit (see common/probe.h). */
    expect_write("S5 read-only page mapped on with a read-write item: leaf's write (the sender's rights, masked)",
                 leaf_id, leaf_page(PAGE_READ_ONLY), "page fault (write)");
    expect_write("S5 map with a read-only item: middle's write", middle_id, middle_page(PAGE_READ_ONLY),
                 "page fault (write)");
}

static void window_placement(void)
{
    transfer(l4_myself(), middle_id, l4_fpage_make(WIDE_WINDOW, 16, 0), L4_ITEM_MAP, 0x12345000u,
             l4_fpage_page(owner_page(PAGE_PLACED), L4_RIGHTS_RW));
    expect_read("S5 a page sent with send base 0x12345000 into a 64 KiB window at 0x60000000 lands at 0x60005000",
                middle_id, WIDE_WINDOW + 0x5000, "0x5a000002");
    expect_read("S5 and not at the window's base", middle_id, WIDE_WINDOW, "page fault (read)");

    transfer(l4_myself(), middle_id, l4_fpage_page(NARROW_WINDOW, 0), L4_ITEM_MAP, 0x2000,
             l4_fpage_make(owner_page(PAGE_WIDE), 14, L4_RIGHTS_RW));
    expect_read("S5 a 16 KiB fpage sent with send base 0x2000 into a 4 KiB window is cut to its third page",
                middle_id, NARROW_WINDOW, "0x5a000006");
    expect_read("S5 and nothing lands beyond the window", middle_id, NARROW_WINDOW + L4_PAGE_SIZE,
                "page fault (read)");

    map_page(l4_myself(), owner_page(PAGE_REPLACING), middle_id, middle_page(PAGE_MAP), L4_RIGHTS_RW);
    expect_read("S5 a map over an existing mapping replaces it", middle_id, middle_page(PAGE_MAP), "0x5a000003");

    struct transfer nothing = map_page(l4_myself(), NOT_MAPPED_IN_OWNER, middle_id, middle_page(PAGE_REFUSED),
                                       L4_RIGHTS_RW);
    expect_ipc("S5 a map of a page the sender does not have", untimed(nothing.sent), succeeds(unmeasured()));
    expect_read("S5 and it maps nothing", middle_id, middle_page(PAGE_REFUSED), "page fault (read)");

    l4_word middle_id_word = UTCB_AREA + 4 * L4_UTCB_MY_GLOBAL_ID;
    struct transfer onto_utcb = map_page(l4_myself(), owner_page(PAGE_MAP), middle_id, UTCB_AREA, L4_RIGHTS_RW);
    expect_ipc("S5 a map onto the receiver's UTCB page: the sender", untimed(onto_utcb.sent),
               fails(L4_ERROR_MESSAGE_OVERFLOW, L4_PHASE_SEND, unmeasured()));
    char expected[16];
    expect_read("S5 a map onto the receiver's UTCB page is refused: middle's UTCB still holds its ID", middle_id,
                middle_id_word, l4_snprintf(expected, sizeof expected, "0x%x", middle_id));
}

static void recursive_unmap(void)
{
    chain(PAGE_RECURSIVE);
    expect_read("S5 leaf reads the page the owner mapped to middle and middle to leaf", leaf_id,
                leaf_page(PAGE_RECURSIVE), "0x5a000008");
    unmap_own_page(owner_page(PAGE_RECURSIVE), L4_RIGHTS_RWX, 0);
    expect_read("S5 unmap by the owner: middle's mapping is gone", middle_id, middle_page(PAGE_RECURSIVE),
                "page fault (read)");
    expect_read("S5 unmap by the owner: leaf's mapping, derived from middle's, is gone", leaf_id,
                leaf_page(PAGE_RECURSIVE), "page fault (read)");
    expect_own_word("S5 unmap by the owner: the owner keeps its own page", PAGE_RECURSIVE, "0x5a000008");

    chain(PAGE_MIDDLE_UNMAPS);
    remote_command(middle_id, REMOTE_UNMAP, 2,
                   (l4_word[]){ l4_fpage_page(middle_page(PAGE_MIDDLE_UNMAPS), L4_RIGHTS_RWX), 0 }, 0);
    expect_read("S5 unmap by middle: leaf's mapping is gone", leaf_id, leaf_page(PAGE_MIDDLE_UNMAPS),
                "page fault (read)");
    expect_read("S5 unmap by middle: middle keeps its own", middle_id, middle_page(PAGE_MIDDLE_UNMAPS),
                "0x5a000009");

    chain(PAGE_WRITE_REVOKED);
    unmap_own_page(owner_page(PAGE_WRITE_REVOKED), L4_RIGHTS_W, 0);
    expect_read("S5 unmap of write rights only: leaf still reads", leaf_id, leaf_page(PAGE_WRITE_REVOKED),
                "0x5a00000a");
    expect_write("S5 unmap of write rights only: leaf's write", leaf_id, leaf_page(PAGE_WRITE_REVOKED),
                 "page fault (write)");
    expect_write("S5 unmap of write rights only: middle's write", middle_id, middle_page(PAGE_WRITE_REVOKED),
                 "page fault (write)");

    chain(PAGE_MAPPED_BACK);
    map_page(leaf_id, leaf_page(PAGE_MAPPED_BACK), middle_id, middle_page(PAGE_MAPPED_BACK), L4_RIGHTS_RW);
    expect_read("S5 leaf maps its page back onto middle's, which it derives from: middle still reads", middle_id,
                middle_page(PAGE_MAPPED_BACK), "0x5a000010");
    unmap_own_page(owner_page(PAGE_MAPPED_BACK), L4_RIGHTS_RWX, 0);
    expect_read("S5 and the owner's unmap still reaches middle", middle_id, middle_page(PAGE_MAPPED_BACK),
                "page fault (read)");
    expect_read("S5 and leaf", leaf_id, leaf_page(PAGE_MAPPED_BACK), "page fault (read)");

    map_page(l4_myself(), owner_page(PAGE_OWN_TOO), middle_id, middle_page(PAGE_OWN_TOO), L4_RIGHTS_RW);
    unmap_own_page(owner_page(PAGE_OWN_TOO), L4_RIGHTS_RWX, L4_UNMAP_ALSO_OWN);
    expect_read("S5 unmap including the caller's own page: middle's mapping is gone", middle_id,
                middle_page(PAGE_OWN_TOO), "page fault (read)");
    expect_own_word("S5 unmap including the caller's own page: sigma0 serves the owner a fresh zero page",
                    PAGE_OWN_TOO, "0x0");
}

static void grant(void)
{
    struct transfer granted = grant_page(l4_myself(), owner_page(PAGE_GRANTED), middle_id, GRANT_BASE);
    expect_ipc("S5 grant: the sender's send", untimed(granted.sent), succeeds(unmeasured()));
    expect_read("S5 grant: middle reads the granted page", middle_id, GRANT_BASE, "0x5a00000c");
    expect_own_word("S5 grant: the page left the owner, which sigma0 serves a fresh zero page", PAGE_GRANTED,
                    "0x0");
    unmap_own_page(owner_page(PAGE_GRANTED), L4_RIGHTS_RWX, 0);
    expect_read("S5 grant: the owner's unmap no longer reaches the granted page", middle_id, GRANT_BASE,
                "0x5a00000c");

    chain(PAGE_GRANTED_ON);
    grant_page(middle_id, middle_page(PAGE_GRANTED_ON), leaf_id, GRANT_BASE);
    expect_read("S5 grant by middle: leaf reads the granted page", leaf_id, GRANT_BASE, "0x5a00000d");
    expect_read("S5 grant by middle: the page left middle", middle_id, middle_page(PAGE_GRANTED_ON),
                "page fault (read)");
    expect_read("S5 grant by middle: leaf's mapping derived from it before still reads", leaf_id,
                leaf_page(PAGE_GRANTED_ON), "0x5a00000d");
    unmap_own_page(owner_page(PAGE_GRANTED_ON), L4_RIGHTS_RWX, 0);
    expect_read("S5 unmap by the owner after middle's grant: the granted page is gone from leaf", leaf_id,
                GRANT_BASE, "page fault (read)");
    expect_read("S5 unmap by the owner after middle's grant: so is what it had derived", leaf_id,
                leaf_page(PAGE_GRANTED_ON), "page fault (read)");
    chain(PAGE_GRANTED_READ_ONLY);
    transfer(middle_id, outsider_id, l4_fpage_page(GRANT_BASE, 0), L4_ITEM_GRANT, 0,
             l4_fpage_page(middle_page(PAGE_GRANTED_READ_ONLY), L4_RIGHTS_R));
    expect_read("S5 grant with a read-only item: the receiver reads", outsider_id, GRANT_BASE, "0x5a000011");
    expect_read("S5 grant with a read-only item: leaf, which derived from the page, reads", leaf_id,
                leaf_page(PAGE_GRANTED_READ_ONLY), "0x5a000011");
    expect_write("S5 grant with a read-only item: leaf's write (a mapping has no rights its source lacks)",
                 leaf_id, leaf_page(PAGE_GRANTED_READ_ONLY), "page fault (write)");
    expect_write("S5 grant with a read-only item: the receiver's write", outsider_id, GRANT_BASE,
                 "page fault (write)");
}

static void refused(void)
{
    map_page(l4_myself(), owner_page(PAGE_REFUSED), middle_id, middle_page(PAGE_REFUSED), L4_RIGHTS_RW);
    struct transfer no_window = transfer(middle_id, leaf_id, L4_FPAGE_NIL, L4_ITEM_MAP, 0,
                                         l4_fpage_page(middle_page(PAGE_REFUSED), L4_RIGHTS_RW));
    expect_ipc("S5 map to a receiver without a receive window: the sender", untimed(no_window.sent),
               fails(L4_ERROR_MESSAGE_OVERFLOW, L4_PHASE_SEND, unmeasured()));
    expect_ipc("S5 map to a receiver without a receive window: the receiver", untimed(no_window.received),
               fails(L4_ERROR_MESSAGE_OVERFLOW, L4_PHASE_RECEIVE, unmeasured()));
    expect_read("S5 map to a receiver without a receive window: nothing is mapped", leaf_id,
                leaf_page(PAGE_REFUSED), "page fault (read)");

    map_page(l4_myself(), owner_page(PAGE_REFUSED), outsider_id, middle_page(PAGE_REFUSED), L4_RIGHTS_RW);
    struct transfer denied = map_page(outsider_id, middle_page(PAGE_REFUSED), leaf_id, leaf_page(PAGE_REFUSED),
                                      L4_RIGHTS_RW);
    expect_ipc("P1 a map item in an IPC that no allow rule permits: the sender", untimed(denied.sent),
               fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, unmeasured()));
    expect_ipc("P1 a map item in an IPC that no allow rule permits: the receiver, in a closed wait on the sender,"
               " learns of the refusal (S2)",
               untimed(denied.received), fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_RECEIVE, unmeasured()));
    expect_read("P1 a map item in an IPC that no allow rule permits: nothing is mapped", leaf_id,
                leaf_page(PAGE_REFUSED), "page fault (read)");
}

static void owner(void)
{
    middle_id = l4_lookup("middle");
    leaf_id = l4_lookup("leaf");
    outsider_id = l4_lookup("outsider");
    fill_region();
    plain_map();
    rights_masked();
    window_placement();
    recursive_unmap();
    grant();
    refused();
    finish("S5");
}

static void servant(void)
{
    remote_serve(l4_lookup("owner"));
}

static const struct role roles[] = {
    { "owner", owner },
    { "middle", servant },
    { "leaf", servant },
    { "outsider", servant },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
