/* Port I/O, sysenter and syscall from ring 3 fault as on a CPU: #GP (code 3), syscall #UD (code 1),
   at the instruction, with every register as it was and nothing after it run. */
#include <l4.h>
#if defined(__i386__)
static volatile l4_word faults, last_ip, last_code, last_len, scratch_at_fault;
static volatile l4_word scratch = 0x5a5a5a5a;
/* In no region of the task: a fault there goes to sigma0, which refuses it. */
#define UNMAPPED 0x30000000

L4_THREAD_ENTRY void handler_main(void)
{
    l4_thread_id main_thread = l4_lookup("main");
    for (;;) {
        l4_wait();
        faults++;
        last_ip = l4_mr(1);
        last_code = l4_mr(3);
        scratch_at_fault = scratch;
        /* step over the instruction: TRY sets its length in last_len */
        l4_load_message(0, 2, (l4_word[]){ last_ip + last_len, l4_mr(2) });
        l4_reply(main_thread);
    }
}

/* Runs INSN at a labelled site with EAX, ECX, EDX, ESI, EDI set to known values and a store
   to `scratch` right after it; prints what the handler saw (scratch as the fault left it) and
   the registers after. */
#define TRY(name, len, insn) TRY_AT(name, len, insn, (l4_word)&scratch)
#define TRY_AT(name, len, insn, string) do { \
    extern const char site_##name[]; \
    l4_word a = 0x11111111, c = 0x22222222, d = 0x3f8, s = string, di = string; \
    faults = 0; last_len = len; scratch = 0x5a5a5a5a; \
    __asm__ volatile(".global site_" #name "\nsite_" #name ": " insn "\n movl $0x77777777, scratch" \
                     : "+a"(a), "+c"(c), "+d"(d), "+S"(s), "+D"(di) :: "memory", "cc"); \
    l4_printf("%-9s at %x: %u fault, ip %x, code %u, scratch %x; eax %x ecx %x edx %x esi %s edi %s\n", #name, \
              (unsigned)(l4_word)site_##name, (unsigned)faults, (unsigned)last_ip, (unsigned)last_code, \
              (unsigned)scratch_at_fault, (unsigned)a, (unsigned)c, (unsigned)d, s == string ? "kept" : "moved", \
              di == string ? "kept" : "moved"); \
} while (0)

int main(void)
{
    l4_set_exception_handler(l4_lookup("main.handler"));
    TRY(in_imm, 2, "inb $0x60, %%al");
    TRY(in_dx, 1, "inl %%dx, %%eax");
    TRY(out_imm, 2, "outb %%al, $0x80");
    TRY(out_dx, 2, "outw %%ax, %%dx");
    TRY(ins, 1, "insb");
    TRY(outs, 1, "outsb");
    TRY(rep_outs, 2, "rep outsl");
    /* no page behind ESI or EDI: the I/O check comes first, no page fault reaches the pager */
    TRY_AT(outs_nopage, 1, "outsb", UNMAPPED);
    TRY_AT(ins_nopage, 1, "insb", UNMAPPED);
    TRY(sysenter, 2, "sysenter");
    TRY(syscall, 2, "syscall");
    return 0;
}
#else
#include "common/x86_only.h"
#endif
