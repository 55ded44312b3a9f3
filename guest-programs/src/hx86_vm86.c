/* iret with EFLAGS.VM set in the popped image, from ring 3. A CPU ignores VM there (only CPL 0
   may enter virtual-8086 mode); QEMU does not, and the thread ran on in virtual-8086 mode with
   CS based at selector * 16: the CPU state it left behind was the next thread's, in any task
   (a victim's code ran 16-bit at a wrong base), and its selectors made the engine fail
   (internal error). Each attacker task enters the mode and then spins until its slice ends,
   faults on a page, traps, or makes a system call (with IOPL 3 in the image, int $0x80 reaches
   the kernel, whose in-hook path went on with the next thread on the same CPU state); its
   handler resumes it in protected mode. The victim, another
   task, counts around yields. */
#include <l4.h>
#if defined(__i386__)
extern const char vm86_spin[], vm86_fault[], vm86_trap[], vm86_syscall[];
__asm__(".text\n"
        "vm86_spin: jmp vm86_spin\n"
        "vm86_fault: .byte 0x8b, 0x06, 0x00, 0xf0\n" /* 16-bit mov 0xf000, %ax: linear 0x21340, unmapped */
        "vm86_trap: int3\n"                           /* #GP in virtual-8086 mode with IOPL 0 */
        "vm86_syscall: .byte 0x66, 0xb8, 2, 0, 0, 0\n"  /* mov $2, %eax (thread_switch) */
        ".byte 0x66, 0x31, 0xdb\n"                     /* xor %ebx, %ebx: nilthread, a yield */
        ".byte 0xcd, 0x80\n"                           /* int $0x80 with IOPL 3 */
        "2: jmp 2b\n"
        "1: jmp 1b\n");

static volatile l4_word saved_sp;

static void back(void)
{
    l4_word ds, gs, flags;
    __asm__ volatile("mov %%ds, %0\n mov %%gs, %1\n pushf\n pop %2" : "=r"(ds), "=r"(gs), "=r"(flags));
    l4_printf("attacker: back in protected mode: ds %x gs %x eflags %x utcb ok %d\n", (unsigned)ds,
              (unsigned)gs, (unsigned)flags, l4_arch_utcb()[L4_UTCB_MY_GLOBAL_ID] == l4_myself());
    l4_exit_thread();
}

L4_THREAD_ENTRY void handler_main(void)
{
    l4_thread_id from = l4_wait().from;
    l4_msg_tag tag = l4_msg_tag_current();
    if (l4_is_exception(tag))
        l4_printf("handler: exception %u at %x\n", (unsigned)l4_mr(3), (unsigned)l4_mr(1));
    else
        l4_printf("handler: message %x from the attacker\n", (unsigned)l4_msg_tag_label(tag));
    l4_load_message(0, 2, (l4_word[]){ (l4_word)back, saved_sp });
    l4_reply(from);
    l4_exit_thread();
}

static void enter_vm86(const char *target, l4_word flags)
{
    l4_word ip = (l4_word)target - 0x10000;
    __asm__ volatile("mov %%esp, saved_sp\n"
                     "push $0x1234\n push $0x1234\n push $0x1234\n push $0x1234\n" /* gs fs ds es */
                     "push $0x2000\n push $0xfff0\n"                                /* ss sp */
                     "push %1\n push $0x1000\n push %0\n iret" ::"r"(ip), "r"(flags) : "memory");
}

int main(void)
{
    l4_thread_id me = l4_myself();
    if (me == l4_lookup("victim")) {
        for (int i = 0; i < 6; i++) {
            l4_printf("victim: round %d, utcb ok %d\n", i, l4_arch_utcb()[L4_UTCB_MY_GLOBAL_ID] == me);
            l4_yield();
        }
        return 0;
    }
    const char *target = me == l4_lookup("spin") ? vm86_spin : me == l4_lookup("fault") ? vm86_fault
                       : me == l4_lookup("syscall") ? vm86_syscall : vm86_trap;
    l4_thread_id handler = l4_lookup(me == l4_lookup("spin") ? "spin.handler"
                                     : me == l4_lookup("fault") ? "fault.handler"
                                     : me == l4_lookup("syscall") ? "syscall.handler" : "trap.handler");
    l4_set_exception_handler(handler);
    l4_set_pager(handler);
    l4_yield();
    enter_vm86(target, me == l4_lookup("syscall") ? 0x23002 : 0x20002);
    return 0;
}
#else
L4_THREAD_ENTRY void handler_main(void) { l4_exit_thread(); }
int main(void) { return 0; }
#endif
