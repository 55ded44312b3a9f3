/*
 * ipc edge values, one thread and a sibling `peer` that reports what it received:
 * ipc(nilthread, nilthread) with bad arguments; the timeout encoding (0x0400 and m = 0, e = 31
 * are zero; 1 us; m * 2^e); error codes and phases (closed waits and sends to threads that do not
 * exist, interrupt threads, sigma0, a stale version, anythread; a reply-and-wait whose send fails
 * has no receive phase; a send to oneself); receive windows (invalid, whole space, nil with
 * stray bits, bit 3); and S5 messages: 63 untyped words, 0 words, a map item in MR62-MR63, 64
 * words and odd t refused, a type-0 item refused, a nil-fpage item, ignored item bits. The
 * receiver's MRs past the message and its UTCB past MR63 stay untouched, and MR0's flags arrive
 * cleared.
 */
#include <l4.h>
#include "common/scenario.h"

static l4_word fails_n;
static void chk(const char *what, l4_word got, l4_word want)
{
    l4_printf("%s: 0x%x%s\n", what, got, got == want ? "" : " MISMATCH");
    if (got != want) { l4_printf("  expected 0x%x\n", want); fails_n++; }
}

#define REPORT 0x77
#define SENTINEL 0xA5A5A5A5u

/* peer: open wait, then report what it got */
L4_THREAD_ENTRY void peer_main(void)
{
    volatile l4_word *u = l4_arch_utcb();
    for (;;) {
        for (int i = 65; i < 128; i++)
            if (i < 100 || i > 111) u[i] = SENTINEL;
        u[64] = l4_fpage_make(0x60000000, 24, 7); /* window */
        for (int i = 0; i < 64; i++) u[i] = 0xDEAD0000u + i;
        u[103] = 0x1234;
        l4_ipc_result r = l4_wait();
        l4_word tag = u[0];
        l4_word n = (tag & 63) + ((tag >> 6) & 63);
        l4_word sum = 0;
        for (l4_word i = 1; i <= n && i < 64; i++) sum += u[i] * (i + 1);
        l4_word beyond = 0; /* MRs past the message must be untouched */
        for (l4_word i = n + 1; i < 64; i++) if (u[i] != 0xDEAD0000u + i) beyond++;
        l4_word sent = 0;
        for (int i = 65; i < 128; i++)
            if ((i < 100 || i > 111) && u[i] != SENTINEL) sent++;
        l4_word ec = u[103];
        u[0] = l4_msg_tag_make(REPORT, 7, 0);
        u[1] = r.dope; u[2] = r.from; u[3] = tag; u[4] = sum; u[5] = beyond; u[6] = sent; u[7] = ec;
        l4_send(r.from);
    }
}

static l4_thread_id peer;
static l4_word rep[8];
static void get_report(void)
{
    l4_ipc_result r = l4_receive_timeout(peer, l4_timeout_us(5000));
    if (l4_ipc_failed(r)) { l4_printf("no report: dope 0x%x\n", r.dope); fails_n++; return; }
    for (int i = 0; i < 8; i++) rep[i] = l4_mr(i);
}

int main(void)
{
    volatile l4_word *u = l4_arch_utcb();
    peer = l4_lookup("edges.peer");
    l4_thread_id me = l4_myself();
    settle();

    /* 1: nothing ipc */
    u[103] = 0x4242;
    l4_ipc_result r = l4_ipc(L4_NILTHREAD, L4_NILTHREAD, 0x80008000u, 0x7);
    chk("ABI ipc(nil,nil) bad args: dope", r.dope, 0);
    chk("ABI ipc(nil,nil): from", r.from, 0);
    chk("ABI ipc(nil,nil): ErrorCode untouched", u[103], 0x4242);

    /* 2: sleeps */
    struct timed_result t = timed_ipc(L4_NILTHREAD, me, l4_timeouts(L4_TIMEOUT_NEVER, 0x0400), 0);
    chk("S3 sleep zero (0x0400): dope", t.ipc.dope, 0x1100);
    chk("S3 sleep zero: at once", t.elapsed_us <= 4, 1);
    chk("S3 sleep zero: ErrorCode", u[103], 1);
    t = timed_ipc(L4_NILTHREAD, me, l4_timeouts(L4_TIMEOUT_NEVER, 0x7C00), 0);
    chk("S3 sleep m=0 e=31 (zero): dope", t.ipc.dope, 0x1100);
    chk("S3 sleep m=0 e=31: at once", t.elapsed_us <= 4, 1);
    t = timed_ipc(L4_NILTHREAD, me, l4_timeouts(L4_TIMEOUT_NEVER, 0x0001), 0);
    chk("S3 sleep 1us: dope", t.ipc.dope, 0x1100);
    chk("S3 sleep 1us: 1..5 us", t.elapsed_us >= 1 && t.elapsed_us <= 5, 1);
    t = timed_ipc(L4_NILTHREAD, me, l4_timeouts(L4_TIMEOUT_NEVER, (2 << 10) | 100), 0);
    chk("S3 sleep 100*2^2 = 400us: dope", t.ipc.dope, 0x1100);
    chk("S3 sleep 400us: 400..404", t.elapsed_us >= 400 && t.elapsed_us <= 404, 1);
    /* large exponent: m=1 e=20 -> 1048576 us; we don't wait for it */

    /* 3: errors and phases */
    l4_thread_id ghost = l4_thread_id_make(900, 1);
    r = l4_ipc(L4_NILTHREAD, ghost, 0, 0);
    chk("S2 closed wait on nonexistent: dope", r.dope, 0x1200);
    chk("S2 closed wait on nonexistent: from", r.from, 0);
    chk("S2 closed wait on nonexistent: ErrorCode", u[103], 2);
    r = l4_ipc(L4_NILTHREAD, l4_thread_id_make(3, 1), 0, 0);
    chk("S2 closed wait on interrupt thread 3: dope", r.dope, 0x1200);
    r = l4_ipc(ghost, L4_NILTHREAD, 0, 0);
    chk("S2 send to nonexistent: dope", r.dope, 0x0200);
    r = l4_ipc(L4_ANYTHREAD, L4_NILTHREAD, 0, 0);
    chk("S2 send to anythread: dope", r.dope, 0x0200);
    r = l4_ipc(l4_thread_id_make(1, 1), L4_NILTHREAD, 0, 0);
    chk("S2 send to sigma0: dope", r.dope, 0x0200);
    r = l4_ipc(peer + 1, L4_NILTHREAD, 0, 0);
    chk("S2 send to wrong version: dope", r.dope, 0x0200);
    t = timed_ipc(ghost, L4_ANYTHREAD, l4_timeouts(L4_TIMEOUT_NEVER, l4_timeout_us(300)), 0);
    chk("S4 reply-and-wait to nonexistent: dope (no receive phase)", t.ipc.dope, 0x0200);
    chk("S4 reply-and-wait to nonexistent: at once", t.elapsed_us <= 4, 1);
    t = timed_ipc(me, L4_NILTHREAD, l4_timeouts(0x0400, 0), 0);
    chk("S3 send to self zero timeout: dope", t.ipc.dope, 0x0100);
    t = timed_ipc(me, me, l4_timeouts(l4_timeout_us(200), l4_timeout_us(200)), 0);
    chk("S3 call self 200us: dope", t.ipc.dope, 0x0100);
    chk("S3 call self 200us: ~200", t.elapsed_us >= 200 && t.elapsed_us <= 204, 1);
    /* bit 15 of the receive half on a send-only ipc to self: error 9 send */
    t = timed_ipc(me, L4_NILTHREAD, l4_timeouts(0x0400, 0x8000), 0);
    chk("P2 bit 15 in unused receive half: dope", t.ipc.dope, 0x0900);
    /* closed wait with zero timeout on existing idle thread */
    t = timed_ipc(L4_NILTHREAD, peer, l4_timeouts(0, 0x0400), 0);
    chk("S3 closed wait zero on peer (not sending): dope", t.ipc.dope, 0x1100);
    t = timed_ipc(L4_NILTHREAD, L4_ANYTHREAD, l4_timeouts(0, 0x0400), 0);
    chk("S3 open wait zero: dope", t.ipc.dope, 0x1100);
    /* invalid window with a sleep */
    u[64] = l4_fpage_make(0x1000, 13, 0);
    r = l4_ipc(L4_NILTHREAD, me, l4_timeouts(0, 0x0400), 0);
    chk("S5 sleep with invalid BR0: dope", r.dope, 0x1900);
    u[64] = l4_fpage_make(0x1000, 11, 0);
    r = l4_ipc(me, me, l4_timeouts(0x0400, 0x0400), 0);
    chk("S5 call with BR0 size 11: dope (send phase)", r.dope, 0x0900);
    u[64] = l4_fpage_make(0, 33, 0);
    r = l4_ipc(L4_NILTHREAD, me, l4_timeouts(0, 0x0400), 0);
    chk("S5 sleep with BR0 size 33: dope", r.dope, 0x1900);
    u[64] = l4_fpage_make(0, 32, 7);
    r = l4_ipc(L4_NILTHREAD, me, l4_timeouts(0, 0x0400), 0);
    chk("S5 sleep with BR0 whole space: dope", r.dope, 0x1100);
    u[64] = 0x0000000F; /* size 0 nil, rights/bit3 set */
    r = l4_ipc(L4_NILTHREAD, me, l4_timeouts(0, 0x0400), 0);
    chk("S5 sleep with BR0 nil + rights: dope", r.dope, 0x1100);
    u[64] = 0x12345000; /* size field 0 with base bits: nil? */
    r = l4_ipc(L4_NILTHREAD, me, l4_timeouts(0, 0x0400), 0);
    chk("S5 sleep with BR0 size 0 nonzero base: dope", r.dope, 0x1100);
    u[64] = 0;

    /* 4: messages */
    for (int i = 1; i < 64; i++) u[i] = 0x1000u * i + 7;
    u[0] = l4_msg_tag_make(0xABCD, 63, 0) | 0xF000;
    r = l4_send(peer);
    chk("S5 send u=63 (flags set): dope", r.dope, 0);
    chk("S5 send-only: from is nilthread", r.from, 0);
    get_report();
    l4_word want = 0;
    for (l4_word i = 1; i < 64; i++) want += (0x1000u * i + 7) * (i + 1);
    chk("S5 u=63: receiver dope", rep[1], 0);
    chk("S5 u=63: receiver from", rep[2], me);
    chk("S5 u=63: receiver MR0 (flags cleared)", rep[3], l4_msg_tag_make(0xABCD, 63, 0));
    chk("S5 u=63: receiver words", rep[4], want);
    chk("S5 u=63: receiver words past MR63 untouched", rep[6], 0);
    chk("S5 u=63: receiver ErrorCode untouched", rep[7], 0x1234);

    u[0] = l4_msg_tag_make(0x1, 0, 0);
    r = l4_send(peer);
    get_report();
    chk("S5 u=0: receiver MR0", rep[3], 0x10000);
    chk("S5 u=0: MR1..63 untouched", rep[5], 0);

    u[0] = l4_msg_tag_make(0x2, 5, 0);
    r = l4_send(peer);
    get_report();
    chk("S5 u=5: MR6..63 untouched", rep[5], 0);

    /* 61 untyped + one map item at MR62..63 */
    *(volatile l4_word *)0x40000000 = 0xC0FFEE;
    for (int i = 1; i < 62; i++) u[i] = i;
    u[0] = l4_msg_tag_make(0x3, 61, 2);
    l4_set_typed_item(62, L4_ITEM_MAP, 0x1000, l4_fpage_page(0x40000000, L4_RIGHTS_RW));
    r = l4_send(peer);
    chk("S5 u=61 t=2 map item at MR62: sender dope", r.dope, 0);
    get_report();
    chk("S5 u=61 t=2: receiver dope", rep[1], 0);
    chk("S5 u=61 t=2: receiver MR0", rep[3], l4_msg_tag_make(0x3, 61, 2));

    u[0] = l4_msg_tag_make(0x4, 62, 2);
    r = l4_send_timeout(peer, l4_timeout_us(1000));
    chk("S5 u=62 t=2 (64 words): dope", r.dope, 0x0900);
    u[0] = l4_msg_tag_make(0x4, 62, 1);
    r = l4_send_timeout(peer, l4_timeout_us(1000));
    chk("S5 u=62 t=1 (odd): dope", r.dope, 0x0900);
    u[0] = l4_msg_tag_make(0x4, 0, 63);
    r = l4_send_timeout(peer, l4_timeout_us(1000));
    chk("S5 u=0 t=63 (odd): dope", r.dope, 0x0900);
    /* item with type 0 */
    u[0] = l4_msg_tag_make(0x5, 61, 2);
    u[62] = 0x1000 | (0 << 1);
    u[63] = l4_fpage_page(0x40000000, 7);
    r = l4_send_timeout(peer, l4_timeout_us(1000));
    chk("S5 item type 0: dope", r.dope, 0x0900);
    /* nil fpage item: 'An fpage of size 0 is nil' -> maps nothing */
    u[0] = l4_msg_tag_make(0x6, 61, 2);
    u[62] = 0x1000 | (4 << 1);
    u[63] = 0;
    r = l4_send_timeout(peer, l4_timeout_us(1000));
    chk("S5 map item of nil fpage: dope", r.dope, 0);
    get_report();
    chk("S5 map item of nil fpage: receiver dope", rep[1], 0);

    /* ignored bits: item word 0 bits 9..4 and 0, fpage bit 3 */
    u[0] = l4_msg_tag_make(0x8, 61, 2);
    u[62] = 0x2000 | (4 << 1) | 0x3F0 | 1;
    u[63] = l4_fpage_page(0x40000000, L4_RIGHTS_RW) | 8;
    r = l4_send_timeout(peer, l4_timeout_us(1000));
    chk("S5 map item with ignored bits set (word 0 bits 9..4, 0; fpage bit 3): dope", r.dope, 0);
    get_report();
    chk("S5 ignored bits: receiver dope", rep[1], 0);
    u[64] = l4_fpage_make(0x60000000, 24, 7) | 8;
    r = l4_ipc(L4_NILTHREAD, me, l4_timeouts(0, 0x0400), 0);
    chk("S5 sleep with BR0 bit 3 set: dope", r.dope, 0x1100);
    u[64] = 0;
    /* call: send ok, receive times out */
    u[0] = l4_msg_tag_make(0x7, 0, 0);
    t = timed_ipc(peer, peer, l4_timeouts(L4_TIMEOUT_NEVER, l4_timeout_us(50)), 0);
    /* peer sends report to us (closed wait on peer): arrives, so success */
    chk("S4 call to peer: dope", t.ipc.dope, 0);
    chk("S4 call to peer: from", t.ipc.from, peer);
    chk("S4 call to peer: reply label", l4_mr(0) >> 16, REPORT);

    l4_printf("S5 ipc edges verdict: %s (%u)\n", fails_n ? "FAIL" : "PASS", fails_n);
    l4_shutdown(fails_n ? 1 : 0);
}
