/*
 * S5 A message is read and checked at transfer, and no item lands where it must not.
 *
 * Part 1, on a timeline: a sibling thread of the sender rewrites the sender's UTCB (tag, an
 * item) while its send waits, or a sibling of the receiver rewrites the receiver's BR0 while it
 * waits. A message invalid at transfer fails the send with error 9 and the receiver receives
 * nothing: in its closed wait on the sender it learns of the failure, error 9 (S2); a receive
 * window invalid at transfer is error 9 for the receiver and 4 for the sender; nothing ever
 * writes the receiver's UTCB beyond MR63.
 * Part 2, in lockstep: every fpage size field 0..63, aligned and 1 KiB aligned only, as the
 * receive window (an invalid one fails the receive before it waits, P2) and as a map item; map
 * items aimed at the receiver's UTCB page, the boot info area and beyond user memory (error 4
 * for both); the sender's own kernel-owned pages as items (passed over); unmap with invalid fpages (error 9 in the first result register); and
 * ipc(nilthread, nilthread) (ABI: returns at once, dope 0, ErrorCode untouched).
 *
 * Roles: `sender` and `receiver`, each with a `meddler` thread. The receiver judges: the sender
 * reports each of its results to it.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/timeline.h"

#define SENDER_PAGE 0x40000000u  /* the sender's <memory>: the page it maps */
#define MARKER 0x5e5e0001u
#define RECEIVER_PROBE 0x70000000u /* the receiver's <memory>: zero unless something lands there */
#define WINDOW_BASE 0x40000000u
#define ITEM_WINDOW 0x60000000u
#define ITEM_WINDOW_LOG2 28
#define UTCB_PAGE 0xBFF00000u
#define BOOT_INFO_PAGE 0xBFFF0000u
#define MAIN_UTCB ((volatile l4_word *)UTCB_PAGE) /* slot 0: each task's first thread */
#define LABEL 0x51
#define REPORT_LABEL 0x52
#define FIRST_SLOT_US 1000
#define SLOT_US 1000
#define WRITE_AT_US 100
#define RECEIVE_AT_US 200
#define RECEIVE_US 300
#define SENDER_REPORTS_AT_US 600
#define REPORT_AT_US 700
#define STEP_US 300
#define MISALIGNED 0x400u

enum meddling {
    NOTHING,
    TAG_TOO_LONG,   /* u = 63, t = 62: 125 words */
    TAG_ODD_TYPED,  /* u = 0, t = 1 */
    TAG_U2_T62,     /* u + t = 64 */
    ITEM_MISALIGNED,
    ITEM_BAD_TYPE,
    ITEM_SIZE_40,
    MR1_CHANGED,    /* a valid change: the receiver gets the word as it is at transfer */
    RECEIVER_BR0,   /* the receiver's sibling rewrites its BR0 while it waits */
    CASES
};

static const char *const case_text[CASES] = {
    "the message left alone",
    "MR0 rewritten to u = 63, t = 62",
    "MR0 rewritten to an odd number of typed words",
    "MR0 rewritten to u = 2, t = 62",
    "the item's fpage rewritten to a 4 KiB page 1 KiB aligned",
    "the item's type rewritten to 7",
    "the item's fpage rewritten to size field 40",
    "MR1 rewritten to 0x22",
    "the receiver's BR0 rewritten to a 4 KiB window 1 KiB aligned",
};

static int carries_item(enum meddling c)
{
    return c == ITEM_MISALIGNED || c == ITEM_BAD_TYPE || c == ITEM_SIZE_40 || c == RECEIVER_BR0;
}

static l4_u64 slot(enum meddling c)
{
    return FIRST_SLOT_US + (l4_u64)c * SLOT_US;
}

static l4_u64 lockstep_start(void)
{
    return slot(CASES) + SLOT_US;
}

/* ---- part 1: meddling siblings -------------------------------------------------------- */

static void sender_lockstep(l4_thread_id receiver_id);

static void load_case_message(enum meddling c)
{
    if (carries_item(c)) {
        l4_set_mr(0, l4_msg_tag_make(LABEL, 1, 2));
        l4_set_mr(1, 0x11);
        l4_set_typed_item(2, L4_ITEM_MAP, SENDER_PAGE, l4_fpage_page(SENDER_PAGE, L4_RIGHTS_RW));
    } else {
        l4_set_mr(0, l4_msg_tag_make(LABEL, 1, 0));
        l4_set_mr(1, 0x11);
    }
}

static void report(l4_thread_id to, l4_ipc_result result)
{
    l4_set_mr(0, l4_msg_tag_make(REPORT_LABEL, 1, 0));
    l4_set_mr(1, result.dope);
    l4_send_timeout(to, l4_timeout_us(PATIENT_US));
}

/* The sender's dope, as it reported it; or a receive error if it did not. */
static l4_word collect_report(l4_thread_id sender)
{
    l4_ipc_result got = l4_receive_timeout(sender, l4_timeout_us(PATIENT_US));
    return l4_ipc_failed(got) ? got.dope : l4_mr(1);
}

static void sender(void)
{
    l4_thread_id receiver = l4_lookup("receiver");
    *(volatile l4_word *)SENDER_PAGE = MARKER;
    for (enum meddling c = NOTHING; c < CASES; c++) {
        sleep_until(slot(c));
        load_case_message(c);
        l4_u64 send_at = c == RECEIVER_BR0 ? slot(c) + RECEIVE_AT_US : slot(c);
        sleep_until(send_at);
        l4_ipc_result sent = l4_send_timeout(receiver, l4_timeout_us(2 * RECEIVE_US));
        /* Not before the receiver's receive has ended: it would take the report instead. */
        sleep_until(slot(c) + SENDER_REPORTS_AT_US);
        report(receiver, sent);
    }
    sleep_until(lockstep_start());
    sender_lockstep(receiver);
}

L4_THREAD_ENTRY void sender_meddler(void)
{
    for (enum meddling c = TAG_TOO_LONG; c <= MR1_CHANGED; c++) {
        sleep_until(slot(c) + WRITE_AT_US);
        switch (c) {
        case TAG_TOO_LONG: MAIN_UTCB[0] = l4_msg_tag_make(LABEL, 63, 62); break;
        case TAG_ODD_TYPED: MAIN_UTCB[0] = l4_msg_tag_make(LABEL, 0, 1); break;
        case TAG_U2_T62: MAIN_UTCB[0] = l4_msg_tag_make(LABEL, 2, 62); break;
        case ITEM_MISALIGNED: MAIN_UTCB[3] = l4_fpage_make(SENDER_PAGE, 12, L4_RIGHTS_RW) | MISALIGNED; break;
        case ITEM_BAD_TYPE: MAIN_UTCB[2] = l4_typed_item_word0(SENDER_PAGE, L4_ITEM_MAP) | 7u << 1; break;
        case ITEM_SIZE_40: MAIN_UTCB[3] = l4_fpage_make(0, 40, L4_RIGHTS_RW); break;
        case MR1_CHANGED: MAIN_UTCB[1] = 0x22; break;
        default: break;
        }
    }
    l4_exit_thread();
}

L4_THREAD_ENTRY void receiver_meddler(void)
{
    /* A long sleep wakes every 1,023 us: started 300 us late, its wake-ups fall between the
       others' (at 0, 100, 200, 500, 600 and 700 us into a slot), not in an order that could
       differ between architectures. */
    l4_sleep(300);
    sleep_until(slot(RECEIVER_BR0) + WRITE_AT_US);
    MAIN_UTCB[L4_UTCB_BR0] = l4_fpage_make(0x50000000u, 12, 0) | MISALIGNED;
    l4_exit_thread();
}

/* The receiver's UTCB words past the MRs, which no delivery may reach. */
struct beyond_mrs {
    l4_word words[L4_UTCB_EXCEPTION_HANDLER - L4_UTCB_BR0 + 1];
};

static void keep_beyond_mrs(struct beyond_mrs *kept)
{
    for (l4_word i = 0; i < sizeof kept->words / sizeof kept->words[0]; i++)
        kept->words[i] = l4_arch_utcb()[L4_UTCB_BR0 + i];
}

static int same_beyond_mrs(const struct beyond_mrs *kept)
{
    for (l4_word i = 0; i < sizeof kept->words / sizeof kept->words[0]; i++) {
        if (kept->words[i] != l4_arch_utcb()[L4_UTCB_BR0 + i])
            return 0;
    }
    return 1;
}

static void judge_case(enum meddling c, l4_thread_id sender_id)
{
    char what[160];
    l4_set_receive_window(c == RECEIVER_BR0 ? l4_fpage_make(0x50000000u, 12, 0) : L4_FPAGE_NIL);
    for (l4_word i = 64 + 1; i <= 96; i++)
        l4_arch_utcb()[i] = 0xB0B00000u + i; /* BR1..BR32: a pattern a stray copy would disturb */
    struct beyond_mrs kept;
    /* For the window case, waiting before its sibling rewrites BR0, and not at the slot's start,
       where the sender wakes too. */
    sleep_until(c == RECEIVER_BR0 ? slot(c) + WRITE_AT_US / 2 : slot(c) + RECEIVE_AT_US);
    keep_beyond_mrs(&kept);
    l4_ipc_result got = l4_receive_timeout(sender_id, l4_timeout_us(RECEIVE_US));
    if (c == RECEIVER_BR0)
        kept.words[0] = l4_br(0); /* the sibling changed BR0 on purpose */
    int valid = c == NOTHING || c == MR1_CHANGED;
    l4_snprintf(what, sizeof what, "S5 %s while the send waits: the receiver", case_text[c]);
    /* An invalid window is the receiver's own error; an invalid message ends its closed wait on
       the sender with the sender's error (S2). */
    expect_ipc(what, untimed(got),
               valid ? succeeds(unmeasured()) : fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_RECEIVE, unmeasured()));
    if (valid) {
        l4_snprintf(what, sizeof what, "S5 %s while the send waits: MR1 as read at transfer", case_text[c]);
        expect_value(what, l4_mr(1), c == MR1_CHANGED ? 0x22 : 0x11);
    }
    l4_snprintf(what, sizeof what, "S5 %s while the send waits: the receiver's BR0..ExceptionHandler untouched",
                case_text[c]);
    expect_yes(what, same_beyond_mrs(&kept));
    l4_set_receive_window(L4_FPAGE_NIL); /* every receive checks its window: the report's too */
    sleep_until(slot(c) + REPORT_AT_US);
    l4_snprintf(what, sizeof what, "S5 %s while the send waits: the sender", case_text[c]);
    expect_ipc(what, untimed((l4_ipc_result){ 0, collect_report(sender_id) }),
               valid ? succeeds(unmeasured())
               : c == RECEIVER_BR0 ? fails(L4_ERROR_MESSAGE_OVERFLOW, L4_PHASE_SEND, unmeasured())
                                   : fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_SEND, unmeasured()));
}

/* ---- part 2: lockstep rounds ---------------------------------------------------------- */

/* What the sender is told to send in a round: one map item. */
struct round {
    l4_word send_base;
    l4_fpage item;
};

/* Both sides of a round: the receiver sets `window` and receives; the sender sends `r` and
   reports. Returns the receiver's result; `sent` gets the sender's. */
static l4_ipc_result receive_round(l4_thread_id sender_id, l4_fpage window, l4_ipc_result *sent)
{
    l4_set_receive_window(window);
    l4_ipc_result got = l4_receive_timeout(sender_id, l4_timeout_us(STEP_US));
    sent->dope = collect_report(sender_id);
    return got;
}

static void send_round(l4_thread_id receiver_id, struct round r, enum l4_typed_item_type type)
{
    l4_set_mr(0, l4_msg_tag_make(LABEL, 0, 2));
    l4_set_typed_item(1, type, r.send_base, r.item);
    l4_ipc_result sent = l4_send_timeout(receiver_id, l4_timeout_us(STEP_US));
    /* Not before the receiver's receive has ended: it would take the report instead. */
    l4_sleep(STEP_US + 50);
    report(receiver_id, sent);
}

/* The rounds, in order; the receiver's windows are its own business. */
#define SIZE_FIELDS 64
enum { WINDOW_ROUNDS = 2 * SIZE_FIELDS, ITEM_ROUNDS = 2 * SIZE_FIELDS };

enum kernel_page_round {
    TO_UTCB_PAGE,
    TO_BOOT_INFO,
    TO_LAST_USER_PAGE,
    TO_KERNEL_RANGE,
    TO_BELOW_BOOT_INFO,
    WIDE_WINDOW_ON_UTCB,
    WIDE_WINDOW_BESIDE_UTCB,
    OWN_BOOT_INFO,
    OWN_UTCB_GRANT,
    KERNEL_PAGE_ROUNDS
};

static l4_word window_base(l4_word log2)
{
    return log2 >= 31 ? 0 : WINDOW_BASE;
}

static struct round sender_round(l4_word index)
{
    if (index < WINDOW_ROUNDS)
        return (struct round){ SENDER_PAGE, l4_fpage_page(SENDER_PAGE, L4_RIGHTS_RW) };
    index -= WINDOW_ROUNDS;
    if (index < ITEM_ROUNDS) {
        l4_word log2 = index / 2;
        l4_word base = (log2 >= 31 ? 0 : SENDER_PAGE) | (index % 2 ? MISALIGNED : 0);
        return (struct round){ SENDER_PAGE, l4_fpage_make(base, log2, L4_RIGHTS_RW) };
    }
    switch ((enum kernel_page_round)(index - ITEM_ROUNDS)) {
    case WIDE_WINDOW_ON_UTCB: return (struct round){ 0, l4_fpage_page(SENDER_PAGE, L4_RIGHTS_RW) };
    case WIDE_WINDOW_BESIDE_UTCB: return (struct round){ 0x1000, l4_fpage_page(SENDER_PAGE, L4_RIGHTS_RW) };
    case OWN_BOOT_INFO: return (struct round){ 0, l4_fpage_page(BOOT_INFO_PAGE, L4_RIGHTS_R) };
    case OWN_UTCB_GRANT: return (struct round){ 0, l4_fpage_page(UTCB_PAGE, L4_RIGHTS_RW) };
    default: return (struct round){ SENDER_PAGE, l4_fpage_page(SENDER_PAGE, L4_RIGHTS_RW) };
    }
}

/* Whether the receive window of round `i` (size field i / 2, 1 KiB off its alignment for odd i)
   is nil or an aligned fpage of 4 KiB..4 GiB: a receive with any other fails at once (P2). */
static int window_round_valid(l4_word i)
{
    l4_word log2 = i / 2;
    return log2 == 0 || (log2 >= 12 && log2 <= 32 && i % 2 == 0);
}

static void sender_lockstep(l4_thread_id receiver_id)
{
    for (l4_word i = 0; i < WINDOW_ROUNDS + ITEM_ROUNDS + KERNEL_PAGE_ROUNDS; i++) {
        if (i < WINDOW_ROUNDS && !window_round_valid(i))
            continue; /* the receiver's receive fails before it waits: nothing to send to */
        send_round(receiver_id, sender_round(i),
                   i == WINDOW_ROUNDS + ITEM_ROUNDS + OWN_UTCB_GRANT ? L4_ITEM_GRANT : L4_ITEM_MAP);
    }
    /* Still itself after granting its UTCB page away: its ID is where it was. */
    l4_set_mr(0, l4_msg_tag_make(REPORT_LABEL, 1, 0));
    l4_set_mr(1, l4_myself());
    l4_send_timeout(receiver_id, l4_timeout_us(PATIENT_US));
    l4_exit_thread();
}

static int same_text(const char *left, const char *right)
{
    for (; *left && *left == *right; left++, right++)
        ;
    return *left == *right;
}

/* "ok" or "9/4": the receiver's and the sender's error codes. */
static char *pair_text(l4_ipc_result got, l4_ipc_result sent, char text[16])
{
    if (!l4_ipc_failed(got) && !l4_ipc_failed(sent))
        return l4_snprintf(text, 16, "ok");
    return l4_snprintf(text, 16, "%u/%u", l4_ipc_error(got), l4_ipc_error(sent));
}

/* Expected "ok", "r/s" or, for a receive alone, "r/-" for the receive window of round `i`. */
static const char *window_expectation(l4_word i)
{
    if (i / 2 == 0)
        return "4/4"; /* nil: accepts no mappings */
    return window_round_valid(i) ? "ok" : "9/-";
}

/* For a map item with size field `log2`: 1 = receiver timed out, the send failed at once. */
static const char *item_expectation(l4_word log2, int misaligned)
{
    if (log2 == 0)
        return "ok"; /* nil: maps nothing */
    if (log2 < 12 || log2 > 32 || misaligned)
        return "1/9";
    return "ok";
}

static void window_sizes(l4_thread_id sender_id)
{
    char what[96], text[16];
    int all_as_expected = 1;
    for (l4_word i = 0; i < WINDOW_ROUNDS; i++) {
        l4_word log2 = i / 2;
        int misaligned = i % 2;
        l4_ipc_result sent;
        l4_fpage window = l4_fpage_make(window_base(log2) | (misaligned ? MISALIGNED : 0), log2, 0);
        l4_ipc_result got;
        if (window_round_valid(i)) {
            got = receive_round(sender_id, window, &sent);
            pair_text(got, sent, text);
        } else {
            l4_set_receive_window(window);
            got = l4_receive_timeout(sender_id, l4_timeout_us(STEP_US));
            l4_snprintf(text, sizeof text, "%u/-", l4_ipc_error(got));
        }
        const char *expected = window_expectation(i);
        if (!same_text(text, expected)) {
            all_as_expected = 0;
            l4_snprintf(what, sizeof what, "S5 receive window log2 %u%s: receiver/sender", log2,
                        misaligned ? " 1 KiB aligned" : "");
            expect_text(what, text, expected);
        }
        if (!l4_ipc_failed(got) && *(volatile l4_word *)WINDOW_BASE != MARKER)
            all_as_expected = 0;
    }
    expect_yes("S5 receive windows of every size field 0..63, aligned and 1 KiB aligned: nil 4/4, 1..11 and"
               " 33..63 and misaligned 9 before any waiting, aligned 12..32 mapped", all_as_expected);
}

static void item_sizes(l4_thread_id sender_id)
{
    char what[96], text[16];
    int all_as_expected = 1;
    for (l4_word i = 0; i < ITEM_ROUNDS; i++) {
        l4_word log2 = i / 2;
        int misaligned = i % 2;
        l4_ipc_result sent;
        *(volatile l4_word *)RECEIVER_PROBE = 0;
        l4_ipc_result got = receive_round(sender_id, l4_fpage_make(ITEM_WINDOW, ITEM_WINDOW_LOG2, 0), &sent);
        pair_text(got, sent, text);
        const char *expected = item_expectation(log2, misaligned);
        if (!same_text(text, expected)) {
            all_as_expected = 0;
            l4_snprintf(what, sizeof what, "S5 map item log2 %u%s: receiver/sender", log2,
                        misaligned ? " 1 KiB aligned" : "");
            expect_text(what, text, expected);
        }
        if (log2 >= 12 && log2 <= 32 && !misaligned && *(volatile l4_word *)ITEM_WINDOW != MARKER)
            all_as_expected = 0;
    }
    expect_yes("S5 map items of every size field 0..63, aligned and 1 KiB aligned: nil maps nothing, 1..11 and"
               " 33..63 and misaligned fail the send with 9 before it waits, aligned 12..32 map", all_as_expected);
}

static void kernel_pages(l4_thread_id sender_id)
{
    static const struct {
        const char *what;
        l4_fpage window;
        const char *expected;
    } rounds[KERNEL_PAGE_ROUNDS] = {
        { "S5 a map item aimed at the receiver's UTCB page 0xbff00000", 0xBFF00000u | 12 << 4, "4/4" },
        { "S5 a map item aimed at the receiver's boot info page 0xbfff0000", 0xBFFF0000u | 12 << 4, "4/4" },
        { "S5 a map item aimed at 0xbffff000, the last page below the kernel", 0xBFFFF000u | 12 << 4, "4/4" },
        { "S5 a map item aimed at 0xc0000000, the kernel's range", 0xC0000000u | 12 << 4, "4/4" },
        { "S5 a map item aimed at 0xbffef000, a user page below the boot info page", 0xBFFEF000u | 12 << 4, "ok" },
        { "S5 a map item landing on the UTCB page in a 64 KiB window at 0xbff00000", 0xBFF00000u | 16 << 4, "4/4" },
        { "S5 a map item landing beside the UTCB page in a 64 KiB window at 0xbff00000", 0xBFF00000u | 16 << 4, "ok" },
        { "S5 the sender's own boot info page as a map item", RECEIVER_PROBE | 12 << 4, "ok" },
        { "S5 the sender's own UTCB page as a grant item", RECEIVER_PROBE | 12 << 4, "ok" },
    };
    char text[16], probe[16];
    l4_word my_id = l4_myself();
    for (l4_word i = 0; i < KERNEL_PAGE_ROUNDS; i++) {
        l4_ipc_result sent;
        *(volatile l4_word *)RECEIVER_PROBE = 0;
        l4_ipc_result got = receive_round(sender_id, rounds[i].window, &sent);
        expect_text(rounds[i].what, pair_text(got, sent, text), rounds[i].expected);
        if (i == OWN_BOOT_INFO || i == OWN_UTCB_GRANT)
            expect_text("S5 and it is passed over: nothing lands in the window",
                        l4_snprintf(probe, sizeof probe, "0x%x", *(volatile l4_word *)RECEIVER_PROBE), "0x0");
    }
    expect_value("S5 the receiver's UTCB still holds its ID", l4_myself(), my_id);
    expect_text("S5 the receiver's boot info page is still the kernel's",
                l4_snprintf(probe, sizeof probe, "0x%x", l4_bootinfo()->magic), "0x4942344c");
    expect_yes("S5 and its name table still finds the sender", l4_lookup("sender") == sender_id);
    l4_ipc_result last = l4_receive_timeout(sender_id, l4_timeout_us(PATIENT_US));
    expect_yes("S5 the sender, having granted its UTCB page away, still sends as itself",
               !l4_ipc_failed(last) && last.from == sender_id && l4_mr(1) == sender_id);
}

static l4_word raw_unmap(l4_fpage page, l4_word flags)
{
    return l4_arch_syscall(L4_SYSCALL_UNMAP, page, flags, 0, 0, 0, 0).value[0];
}

static void unmap_arguments(void)
{
    int all_as_expected = 1;
    for (l4_word log2 = 1; log2 < SIZE_FIELDS; log2++) {
        for (int misaligned = 0; misaligned < 2; misaligned++) {
            l4_fpage page = l4_fpage_make(log2 >= 29 ? 0 : 0x30000000u, log2, L4_RIGHTS_RWX)
                          | (misaligned ? MISALIGNED : 0);
            int invalid = log2 < 12 || log2 > 32 || misaligned;
            if ((raw_unmap(page, 0) == L4_ERROR_INVALID_ARGUMENT) != invalid) {
                all_as_expected = 0;
                l4_printf("S5 unmap of fpage 0x%x: unexpected result\n", page);
            }
        }
    }
    expect_yes("S5 unmap of an fpage with size field 1..11 or 33..63, or 1 KiB aligned only: 9 in the first"
               " result register; a valid fpage leaves it alone", all_as_expected);
    l4_unmap(l4_fpage_page(BOOT_INFO_PAGE, L4_RIGHTS_RWX), L4_UNMAP_ALSO_OWN);
    l4_unmap(l4_fpage_page(UTCB_PAGE, L4_RIGHTS_RWX), L4_UNMAP_ALSO_OWN);
    char text[16];
    expect_text("S5 unmap of its own boot info and UTCB pages leaves them: the boot info magic",
                l4_snprintf(text, sizeof text, "0x%x", l4_bootinfo()->magic), "0x4942344c");
}

static void nil_ipc(void)
{
    l4_receive_timeout(l4_myself(), L4_TIMEOUT_ZERO); /* ErrorCode = 1 */
    l4_ipc_result nil = l4_ipc(L4_NILTHREAD, L4_NILTHREAD, 0xFFFFFFFFu, 0xFFFFFFFFu);
    expect_value("ABI ipc(nilthread, nilthread): from", nil.from, L4_NILTHREAD);
    expect_value("ABI ipc(nilthread, nilthread): dope", nil.dope, 0);
    expect_value("ABI ipc(nilthread, nilthread): ErrorCode untouched", l4_error_code(), L4_ERROR_TIMEOUT);
}

static void receiver(void)
{
    l4_thread_id sender_id = l4_lookup("sender");
    for (enum meddling c = NOTHING; c < CASES; c++)
        judge_case(c, sender_id);
    /* Wake-ups apart from the sender's (it sleeps from the same moment, in steps of 1,023 us, to
       the lockstep's start; its first send waits for this receive): two at the same instant could
       come in an order that differs between architectures. */
    sleep_until(lockstep_start() - SLOT_US / 2);
    sleep_until(lockstep_start() + 100);
    window_sizes(sender_id);
    item_sizes(sender_id);
    kernel_pages(sender_id);
    unmap_arguments();
    nil_ipc();
    finish("S5");
}

static const struct role roles[] = {
    { "sender", sender },
    { "receiver", receiver },
};

void main(void)
{
    PLAY_MY_ROLE(roles);
}
