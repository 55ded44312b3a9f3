/* Conformance probe: boot info page, initial UTCB, exchange_registers edges. */
#include <l4.h>
#include "common/scenario.h"

static l4_word fails_n;
static void chk(const char *what, l4_word got, l4_word want)
{
    l4_printf("%s: 0x%x%s\n", what, got, got == want ? "" : " MISMATCH");
    if (got != want) { l4_printf("  expected 0x%x\n", want); fails_n++; }
}

static volatile l4_word init_snapshot[128];
static volatile l4_word snap_done;
static volatile l4_word writer_reached;

L4_THREAD_ENTRY void snap_main(void)
{
    volatile l4_word *u = l4_arch_utcb();
    for (int i = 0; i < 128; i++) init_snapshot[i] = u[i];
    init_snapshot[127] = (l4_word)u;
    snap_done = 1;
    l4_sleep_forever();
}

L4_THREAD_ENTRY void writer_main(void)
{
    writer_reached = 1;
    *(volatile l4_word *)0xBFFF0010 = 1; /* read-only page: faults, never resolved */
    writer_reached = 2;
    l4_exit_thread();
}

L4_THREAD_ENTRY void blocker_main(void)
{
    /* waits for ever in a receive; main halts/cancels it */
    for (;;) {
        l4_ipc_result r = l4_receive(l4_lookup("abcdefghijkl"));
        l4_set_mr(0, l4_msg_tag_make(0x99, 1, 0));
        l4_set_mr(1, r.dope);
        l4_send(l4_lookup("abcdefghijkl"));
    }
}

static int name_is(const char *a, const char *b)
{
    for (int i = 0; i < 24; i++) {
        if (a[i] != b[i]) return 0;
        if (!b[i]) return 1;
    }
    return 1;
}

int main(void)
{
    const volatile l4_word *bi = (const volatile l4_word *)0xBFFF0000;
    volatile l4_word *u = l4_arch_utcb();
    chk("BI magic", bi[0], 0x4942344C);
    chk("BI version", bi[1], 1);
#ifdef __arm__
    chk("BI arch", bi[2], 1);
#else
    chk("BI arch", bi[2], 2);
#endif
    chk("BI entry count", bi[3], 7);
    chk("BI ticks per us", bi[4], 100);
    chk("BI reserved +20", bi[5], 0);
    chk("BI reserved +24", bi[6], 0);
    chk("BI reserved +28", bi[7], 0);
    static const char *const names[7] = { "abcdefghijkl", "abcdefghijkl.mnopqrstuvw", "abcdefghijkl.writer",
                                          "abcdefghijkl.blocker", "mon", "mon.t2", "plain" };
    static const l4_word flags[7] = { 2, 2, 2, 2, 1, 1, 0 };
    for (int i = 0; i < 7; i++) {
        const char *n = (const char *)(0xBFFF0020 + 32 * i);
        l4_printf("BI entry %d name ok: %d\n", i, name_is(n, names[i]));
        if (!name_is(n, names[i])) fails_n++;
        chk("BI entry id", bi[8 + 8 * i + 6], l4_thread_id_make(16 + i, 1));
        chk("BI entry flags", bi[8 + 8 * i + 7], flags[i]);
    }
    chk("BI entry 1 name has no NUL (24 chars): byte 23", ((const char *)0xBFFF0040)[23], 'w');
    /* name padding NUL-filled */
    const char *n0 = (const char *)0xBFFF0020;
    int pad = 1;
    for (int i = 12; i < 24; i++) if (n0[i]) pad = 0;
    chk("BI entry 0 NUL padded", pad, 1);

    /* own UTCB */
    chk("UTCB address first thread", (l4_word)u, 0xBFF00000);
    chk("UTCB MyGlobalId", u[100], l4_thread_id_make(16, 1));
    chk("UTCB Pager default sigma0", u[101], l4_thread_id_make(1, 1));
    chk("UTCB ExceptionHandler nil", u[102], 0);

    l4_sleep(100);
    chk("snap ran", snap_done, 1);
    l4_word utcb2 = init_snapshot[127];
    chk("UTCB of 2nd thread 512 aligned", utcb2 & 511, 0);
    chk("UTCB of 2nd thread in UTCB area (>= 0xBFF00000, < 0xBFFF0000)", utcb2 >= 0xBFF00000 && utcb2 < 0xBFFF0000, 1);
    chk("2nd UTCB MyGlobalId", init_snapshot[100], l4_thread_id_make(17, 1));
    chk("2nd UTCB Pager", init_snapshot[101], l4_thread_id_make(1, 1));
    chk("2nd UTCB ExceptionHandler", init_snapshot[102], 0);
    l4_word nz = 0;
    for (int i = 0; i < 127; i++) if (i < 100 || i > 102) if (init_snapshot[i]) nz++;
    chk("2nd UTCB other words zero", nz, 0);

    /* the writer faulted on the boot info page and is stopped */
    chk("writer reached the write", writer_reached, 1);
    l4_thread_id writer = l4_lookup("abcdefghijkl.writer");
    l4_exchange_registers_result x = l4_exchange_registers(writer, 0, 0, 0);
    chk("exregs on a fault-stopped thread: result", x.result, 2);
    l4_ipc_result r = l4_send_timeout(writer, L4_TIMEOUT_ZERO);
    chk("send to a fault-stopped thread: dope", r.dope, 0x200);
    r = l4_ipc(L4_NILTHREAD, writer, l4_timeouts(0, L4_TIMEOUT_ZERO), 0);
    chk("closed wait on a fault-stopped thread: dope", r.dope, 0x1200);

    /* exregs argument checks, and result registers on failure */
    {
        l4_raw_results raw = l4_arch_syscall(L4_SYSCALL_EXCHANGE_REGISTERS, L4_NILTHREAD, 8, 0x1111, 0x2222, 0, 0);
        chk("exregs control bit 3, dest nil: result (9 before 2)", raw.value[0], 9);
#ifdef __arm__
        /* arm: results r0-r3 are the argument registers r0-r3: dest, control, sp, ip */
        chk("exregs failure: result 1 untouched (r1 = control)", raw.value[1], 8);
        chk("exregs failure: result 2 untouched (r2 = sp)", raw.value[2], 0x1111);
        chk("exregs failure: result 3 untouched (r3 = ip)", raw.value[3], 0x2222);
#else
        /* x86: results eax, ebx, ecx, edx; arguments ebx, ecx, edx: dest, control, sp */
        chk("exregs failure: result 1 untouched (ebx = dest)", raw.value[1], 0);
        chk("exregs failure: result 2 untouched (ecx = control)", raw.value[2], 8);
        chk("exregs failure: result 3 untouched (edx = sp)", raw.value[3], 0x1111);
#endif
        raw = l4_arch_syscall(L4_SYSCALL_EXCHANGE_REGISTERS, L4_ANYTHREAD, 0, 0x3333, 0x4444, 0, 0);
        chk("exregs anythread: result", raw.value[0], 2);
#ifdef __arm__
        chk("exregs anythread: result 2 untouched (r2 = sp)", raw.value[2], 0x3333);
#else
        chk("exregs anythread: result 2 untouched (ecx = control)", raw.value[2], 0);
#endif
        raw = l4_arch_syscall(L4_SYSCALL_EXCHANGE_REGISTERS, l4_lookup("plain"), 0x80000000u, 0, 0, 0, 0);
        chk("exregs bit 31 on other task: result 9", raw.value[0], 9);
        raw = l4_arch_syscall(L4_SYSCALL_EXCHANGE_REGISTERS, l4_lookup("abcdefghijkl.blocker") + 1, 0, 0, 0, 0, 0);
        chk("exregs stale version: result", raw.value[0], 2);
    }
    /* exregs on self, control 0 */
    x = l4_exchange_registers(l4_myself(), 0, 0, 0);
    chk("exregs self control 0: result", x.result, 0);
    chk("exregs self: sp in own stack", x.old_sp < 0xBFF00000 && x.old_sp > 0xBFEF0000, 1);

    /* control 0 on a blocked thread: no cancel; then halt+resume in one call cancels receive */
    l4_thread_id blocker = l4_lookup("abcdefghijkl.blocker");
    x = l4_exchange_registers(blocker, 0, 0, 0);
    chk("exregs control 0 on blocked: result", x.result, 0);
    r = l4_receive_timeout(blocker, l4_timeout_us(200));
    chk("control 0 did not cancel its receive (nothing sent to us)", r.dope, 0x1100);
    x = l4_exchange_registers(blocker, L4_EXREGS_HALT | L4_EXREGS_RESUME, 0, 0);
    chk("exregs halt|resume on blocked: result", x.result, 0);
    r = l4_receive_timeout(blocker, l4_timeout_us(2000));
    chk("blocker reports: dope", r.dope, 0);
    chk("blocker's receive was cancelled: error 3 receive", l4_mr(1), 0x1300);
    /* blocker now in a send to us that waits? no: it sent, we received; it loops to receive */
    /* halt it while it waits in receive; then a send to it with zero timeout: is a halted thread ready? */
    x = l4_exchange_registers(blocker, L4_EXREGS_HALT, 0, 0);
    chk("exregs halt: result", x.result, 0);
    l4_set_mr(0, 0);
    r = l4_send_timeout(blocker, L4_TIMEOUT_ZERO);
    chk("send zero to a halted thread (its receive cancelled): error 1 send", r.dope, 0x100);
    x = l4_exchange_registers(blocker, L4_EXREGS_RESUME, 0, 0);
    chk("exregs resume: result", x.result, 0);
    r = l4_receive_timeout(blocker, l4_timeout_us(2000));
    chk("after resume the blocker reports its cancelled receive: dope", r.dope, 0);
    chk("after resume: it was error 3 receive", l4_mr(1), 0x1300);

    l4_printf("BOOTINFO verdict: %s (%u)\n", fails_n ? "FAIL" : "PASS", fails_n);
    l4_shutdown(fails_n ? 1 : 0);
}
