/*
 * S6 The page-fault message for each kind of access (ABI 3.3): label 0xFFE0 | the access (4 read,
 * 2 write, 1 execute), flag bit 15, u = 2; MR1 the fault address; MR2 the fault ip; from = the
 * faulting thread, dope 0. Unmapped user pages, kernel addresses, the read-only boot info page, a
 * write to code, an instruction fetch from data and from the boot info page. A sibling thread is
 * the pager (the Pager word is the guest's to write); it moves the faulting thread on with
 * exchange_registers, which ends the fault IPC (X.2), instead of replying.
 */
#include <l4.h>

#define CASES 9
static volatile l4_word step;
static l4_word resume_stack[1024] __attribute__((aligned(16)));
static volatile l4_word code_word;

static const char *const what[CASES] = {
    "read of an unmapped user page 0x30000010",
    "write of an unmapped user page 0x30000020",
    "read of a kernel address 0xC0000010",
    "write to the boot info page 0xBFFF0010",
    "write to its own code page",
    "execute on its own stack page",
    "execute on the boot info page",
    "execute at an unmapped page 0x30001000",
    "read of 0xFFFFFFFC",
};

static l4_word data_word;
static volatile l4_word expected_address;

__attribute__((noinline)) static void do_case(l4_word i)
{
    switch (i) {
    case 0: data_word = *(volatile l4_word *)0x30000010u; break;
    case 1: *(volatile l4_word *)0x30000020u = 1; break;
    case 2: data_word = *(volatile l4_word *)0xC0000010u; break;
    case 3: *(volatile l4_word *)0xBFFF0010u = 1; break;
    case 4: expected_address = (l4_word)&do_case & ~3u; *(volatile l4_word *)expected_address = 0; break;
    case 5: {
        volatile l4_word on_stack[4] = { 0, 0, 0, 0 };
        expected_address = (l4_word)on_stack;
        ((void (*)(void))((l4_word)on_stack))();
        break;
    }
    case 6: ((void (*)(void))0xBFFF0040u)(); break;
    case 7: ((void (*)(void))0x30001000u)(); break;
    case 8: data_word = *(volatile l4_word *)0xFFFFFFFCu; break;
    }
}

static void run_from(void);

L4_THREAD_ENTRY void resume_entry(void)
{
    step++;
    run_from();
}

static void run_from(void)
{
    while (step < CASES)
        do_case(step);
    l4_printf("S6 fault kinds: done\n");
    l4_shutdown(0);
}

L4_THREAD_ENTRY void pager_main(void)
{
    l4_thread_id main_id = l4_lookup("faulty");
    for (;;) {
        l4_ipc_result r = l4_wait();
        l4_word tag = l4_mr(0);
        l4_word addr = l4_mr(1), ip = l4_mr(2);
        l4_word shown = (step == 4 || step == 5) ? (addr == expected_address ? 1 : addr) : addr;
        l4_printf("S6 %s: from the faulting thread %d, dope 0x%x, MR0 0x%x, MR1 %s0x%x, MR2 in do_case %d\n", what[step],
                  r.from == main_id, r.dope, tag, (step == 4 || step == 5) ? "is the access's address: " : "", shown,
                  ip - (l4_word)&do_case < 0x200 || ip == addr);
        /* a third party may not answer: the faulting thread is in a closed wait on its pager */
        l4_exchange_registers(main_id, L4_EXREGS_SET_SP_IP, (l4_word)&resume_stack[1024], (l4_word)&resume_entry);
    }
}

int main(void)
{
    l4_arch_utcb()[L4_UTCB_PAGER] = l4_lookup("faulty.pager");
    run_from();
    return 0;
}
