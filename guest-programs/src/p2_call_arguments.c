/* Conformance probe: redirect, kdebug, thread_switch, unmap and thread_control edge arguments. */
#include <l4.h>
#include "common/scenario.h"

static l4_word fails_n;
static void chk(const char *what, l4_word got, l4_word want)
{
    l4_printf("%s: 0x%x%s\n", what, got, got == want ? "" : " MISMATCH");
    if (got != want) { l4_printf("  expected 0x%x\n", want); fails_n++; }
}

static l4_raw_results sc(l4_word n, l4_word a, l4_word b, l4_word c, l4_word d)
{
    return l4_arch_syscall(n, a, b, c, d, 0, 0);
}

L4_THREAD_ENTRY void helper_main(void)
{
    l4_sleep_forever();
}

int main(void)
{
    l4_thread_id me = l4_myself();
    l4_thread_id other = l4_lookup("other");
    l4_thread_id helper = l4_lookup("misc.helper");
    l4_thread_id ghost = l4_thread_id_make(700, 1);
    settle();

    /* redirect */
    chk("redirect op bit 2", l4_redirect(4, other, other, helper), 9);
    chk("redirect op bit 7", l4_redirect(0x80, other, other, helper), 9);
    chk("redirect action 2", l4_redirect(2, other, other, helper), 9);
    chk("redirect action 3", l4_redirect(3, other, other, helper), 9);
    chk("redirect class 3", l4_redirect(0x300, other, other, helper), 9);
    chk("redirect op bit 10", l4_redirect(0x400, other, other, helper), 9);
    chk("redirect op bit 31", l4_redirect(0x80000000u, other, other, helper), 9);
    chk("redirect add source nonexistent", l4_redirect(0x100, ghost, other, helper), 2);
    chk("redirect add dest nonexistent", l4_redirect(0x100, other, ghost, helper), 2);
    chk("redirect add monitor nonexistent", l4_redirect(0x100, other, other, ghost), 2);
    chk("redirect add monitor anythread", l4_redirect(0x100, other, other, L4_ANYTHREAD), 2);
    chk("redirect add monitor nilthread", l4_redirect(0x100, other, other, L4_NILTHREAD), 2);
    chk("redirect add source nilthread", l4_redirect(0x100, L4_NILTHREAD, other, helper), 2);
    chk("redirect remove: no such rule, live monitor", l4_redirect(1, other, other, helper), 9);
    chk("redirect remove: no such rule, dead monitor", l4_redirect(1, other, other, ghost), 2);
    chk("redirect add any->any system", l4_redirect(0x100, L4_ANYTHREAD, L4_ANYTHREAD, helper), 0);
    chk("redirect add same again", l4_redirect(0x100, L4_ANYTHREAD, L4_ANYTHREAD, helper), 0);
    chk("redirect add same, destination class", l4_redirect(0x200, L4_ANYTHREAD, L4_ANYTHREAD, helper), 0);
    chk("redirect remove (removes all three)", l4_redirect(1, L4_ANYTHREAD, L4_ANYTHREAD, helper), 0);
    chk("redirect remove again", l4_redirect(1, L4_ANYTHREAD, L4_ANYTHREAD, helper), 9);
    /* rule naming a thread of the source task stands for the task: source=helper means task misc */
    chk("redirect add (helper's task -> other) monitor other", l4_redirect(0x100, helper, other, other), 0);
    /* our send to other: redirected to other itself as monitor? monitor == dest: path holds other */
    l4_load_message(0x1, 0, 0);
    l4_ipc_result r = l4_send_timeout(other, l4_timeout_us(100));
    chk("send to other (now its own monitor) times out (it never receives)", r.dope, 0x100);
    chk("redirect remove by another source thread of the same task", l4_redirect(1, me, other, other), 0);

    /* kdebug */
    chk("kdebug putc 0x141", l4_kdebug(0, 0x141, 0), 0);
    chk("kdebug putc newline", l4_kdebug(0, 0x30a, 0), 0);
    static const char text[] = "xyz";
    chk("kdebug write length 0 user address", l4_kdebug(1, (l4_word)text, 0), 0);
    chk("kdebug write length 0 kernel address", l4_kdebug(1, 0xC0000000u, 0), 9);
    chk("kdebug write length 0 address 0", l4_kdebug(1, 0, 0), 9);
    chk("kdebug write 65537 bytes", l4_kdebug(1, 0xBFEF0000u, 65537), 9);
    chk("kdebug write crossing into kernel", l4_kdebug(1, 0xBFFFFFF0u, 0x20), 9);
    chk("kdebug write unmapped user", l4_kdebug(1, 0x30000000u, 4), 9);
    chk("kdebug breakpoint", l4_kdebug(3, 0x1234, 0), 0);
    chk("kdebug op 5", l4_kdebug(5, 0, 0), 9);
    chk("kdebug op 0xFFFFFFFF", l4_kdebug(0xFFFFFFFFu, 0, 0), 9);

    /* registers across calls with no results */
    l4_raw_results x = sc(L4_SYSCALL_THREAD_SWITCH, ghost, 0x11, 0x22, 0x33);
#ifdef __arm__
    chk("thread_switch to nonexistent: r0 kept", x.value[0], ghost);
    chk("thread_switch: r1..r3 kept", x.value[1] == 0x11 && x.value[2] == 0x22 && x.value[3] == 0x33, 1);
#else
    chk("thread_switch to nonexistent: eax kept", x.value[0], L4_SYSCALL_THREAD_SWITCH);
    chk("thread_switch: ebx..edx kept", x.value[1] == ghost && x.value[2] == 0x11 && x.value[3] == 0x22, 1);
#endif
    x = sc(L4_SYSCALL_UNMAP, 0, 1, 0x22, 0x33);
#ifdef __arm__
    chk("unmap nil: r0 kept", x.value[0], 0);
    chk("unmap nil: r1..r3 kept", x.value[1] == 1 && x.value[2] == 0x22 && x.value[3] == 0x33, 1);
#else
    chk("unmap nil: eax kept", x.value[0], L4_SYSCALL_UNMAP);
    chk("unmap nil: ebx..edx kept", x.value[1] == 0 && x.value[2] == 1 && x.value[3] == 0x22, 1);
#endif
    x = sc(L4_SYSCALL_UNMAP, l4_fpage_make(0xC0000000u, 30, 7), 1, 0x22, 0x33);
    chk("unmap of kernel range (valid fpage): no error in result 0",
#ifdef __arm__
        x.value[0], l4_fpage_make(0xC0000000u, 30, 7));
#else
        x.value[0], L4_SYSCALL_UNMAP);
#endif
    x = sc(L4_SYSCALL_UNMAP, l4_fpage_make(0xBFF00000u, 12, 7), 1, 0, 0);
    chk("unmap own UTCB page with own flag: UTCB still there", l4_myself(), me);
    x = sc(L4_SYSCALL_UNMAP, l4_fpage_make(0xBFFF0000u, 16, 7), 1, 0, 0);
    chk("unmap boot info with own flag: still readable", *(volatile l4_word *)0xBFFF0000u, 0x4942344C);
    x = sc(L4_SYSCALL_UNMAP, 0, 2, 0x22, 0x33);
    chk("unmap nil with flags bit 1 (undefined): result 0 = 9", x.value[0], 9);
    x = sc(L4_SYSCALL_SYSTEM_CLOCK, 0x5, 0x6, 0x7, 0x8);
#ifdef __arm__
    chk("system_clock: r2, r3 kept", x.value[2] == 7 && x.value[3] == 8, 1);
#else
    chk("system_clock: ecx, edx kept", x.value[2] == 6 && x.value[3] == 7, 1);
#endif
    x = sc(8, 0x5, 0x6, 0x7, 0x8);
    chk("syscall 8: result 0 = 9", x.value[0], 9);
#ifdef __arm__
    chk("syscall 8: r1..r3 kept", x.value[1] == 6 && x.value[2] == 7 && x.value[3] == 8, 1);
#else
    chk("syscall 8: ebx..edx kept", x.value[1] == 5 && x.value[2] == 6 && x.value[3] == 7, 1);
#endif

    /* thread_control */
    l4_thread_id t = l4_thread_id_make(400, 3);
    chk("thread_control utcb 0", l4_thread_control(t, me, me, 0), 9);
    chk("thread_control utcb 0xBFE00000 (an unmapped page)", l4_thread_control(t, me, other, 0xBFE00000u), 0);
    volatile l4_word *nu = (volatile l4_word *)0xBFE00000u;
    chk("new thread UTCB MyGlobalId", nu[100], t);
    chk("new thread UTCB Pager", nu[101], other);
    chk("new thread UTCB ExceptionHandler", nu[102], 0);
    l4_word nz = 0;
    for (int i = 0; i < 128; i++) if ((i < 100 || i > 102) && nu[i]) nz++;
    chk("new thread UTCB other words 0", nz, 0);
    l4_exchange_registers_result e = l4_exchange_registers(t, 0, 0, 0);
    chk("exregs on new halted thread: result", e.result, 0);
    chk("exregs on new halted thread: sp 0, ip 0", e.old_sp == 0 && e.old_ip == 0, 1);
    r = l4_send_timeout(t, L4_TIMEOUT_ZERO);
    chk("send zero to a new halted thread: error 1 (it exists)", r.dope, 0x100);
    chk("thread_control same number other version", l4_thread_control(l4_thread_id_make(400, 4), me, me, 0xBFE00200u), 9);
    chk("thread_control delete with wrong version", l4_thread_control(l4_thread_id_make(400, 4), 0, 0, 0), 2);
    chk("thread_control delete", l4_thread_control(t, 0, 0, 0), 0);
    chk("thread_control recreate with new version at same UTCB", l4_thread_control(l4_thread_id_make(400, 4), me, me, 0xBFE00000u), 0);
    r = l4_send_timeout(t, L4_TIMEOUT_ZERO);
    chk("send to old version: error 2", r.dope, 0x200);
    chk("thread_control in another task (space = other)", l4_thread_control(l4_thread_id_make(401, 1), other, other, 0xBFE00000u), 0);
    chk("thread_control utcb 0xBFFEFE00 in a new task", l4_thread_control(l4_thread_id_make(402, 1), l4_thread_id_make(402, 1), me, 0xBFFEFE00u), 0);
    chk("thread_control utcb at 0x1000 in a new task", l4_thread_control(l4_thread_id_make(403, 1), l4_thread_id_make(403, 1), me, 0x1000u), 0);
    chk("thread_control utcb 0xE00 (below user)", l4_thread_control(l4_thread_id_make(404, 1), l4_thread_id_make(404, 1), me, 0xE00u), 9);
    chk("thread_control dest number 0x3FFFF", l4_thread_control(l4_thread_id_make(0x3FFFF, 1), l4_thread_id_make(0x3FFFF, 1), me, 0x2000u), 0);
    chk("thread_control delete 0x3FFFF", l4_thread_control(l4_thread_id_make(0x3FFFF, 1), 0, 0, 0), 0);
    chk("thread_control delete anythread", l4_thread_control(L4_ANYTHREAD, 0, 0, 0), 2);
    l4_printf("MISC verdict: %s (%u)\n", fails_n ? "FAIL" : "PASS", fails_n);
    l4_shutdown(fails_n ? 1 : 0);
}
