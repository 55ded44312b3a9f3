/* A far call whose push meets an unmapped stack page: the fault is the call's, at the call, and
   once the pager maps the page the call runs whole (return EIP and CS pushed, the target run). */
#include <l4.h>

#define WINDOW 0x60000000u
#define POOL 0x40000000u
#define LABEL_DONE 0x70

#if defined(__i386__)
static volatile l4_word calls, pushed_eip, pushed_cs, saved_sp;
static volatile struct {
    l4_word offset;
    unsigned short selector;
} __attribute__((packed)) far_target;

extern const char farcall_site[], farcall_back[], farcall_target[];

/* The target: counts the call, keeps what it pushed, and returns with lret. */
__asm__(".text\n"
        ".global farcall_target\n"
        "farcall_target:\n"
        "    incl calls\n"
        "    movl (%esp), %eax\n"
        "    movl %eax, pushed_eip\n"
        "    movl 4(%esp), %eax\n"
        "    movl %eax, pushed_cs\n"
        "    lret\n");

/* The pager: serves the window from its pool page and says where the faults came from. */
static int pager(void)
{
    *(volatile l4_word *)POOL = 0; /* sigma0 maps the pool page */
    for (;;) {
        l4_ipc_result got = l4_wait();
        l4_msg_tag tag = l4_msg_tag_current();
        if (!l4_is_page_fault(tag)) {
            if (l4_msg_tag_label(tag) == LABEL_DONE)
                return 0;
            continue;
        }
        l4_word address = l4_mr(L4_PAGE_FAULT_ADDRESS_MR), ip = l4_mr(L4_PAGE_FAULT_IP_MR);
        l4_printf("pager: fault at %x (access %u) from ip %s\n", (unsigned)address,
                  (unsigned)l4_page_fault_access(tag),
                  ip == (l4_word)farcall_site ? "the far call" : "elsewhere");
        l4_load_item_message(0, L4_ITEM_MAP, address & ~(L4_PAGE_SIZE - 1),
                             l4_fpage_page(POOL, L4_RIGHTS_RW));
        l4_reply(got.from);
    }
}

static int client(void)
{
    unsigned short cs;
    __asm__ volatile("mov %%cs, %0" : "=r"(cs));
    far_target.offset = (l4_word)farcall_target;
    far_target.selector = cs;
    /* The stack moves to the top of the unmapped window for the call, and back after it. */
    __asm__ volatile("movl %%esp, saved_sp\n"
                     "movl $0x60001000, %%esp\n"
                     ".global farcall_site\n"
                     "farcall_site: lcall *far_target\n"
                     ".global farcall_back\n"
                     "farcall_back: movl saved_sp, %%esp\n"
                     ::: "eax", "memory");
    l4_printf("client: %u call; it pushed the return address %s and CS %s\n", (unsigned)calls,
              pushed_eip == (l4_word)farcall_back ? "after the call" : "elsewhere",
              pushed_cs == cs ? "of the caller" : "not the caller's");
    l4_load_message(LABEL_DONE, 0, 0);
    l4_send(l4_lookup("pager"));
    return 0;
}

/* Both tasks run this image: the client makes the call, the pager serves it. */
int main(void)
{
    return l4_myself() == l4_lookup("client") ? client() : pager();
}
#else
/* Not an x86 build: the system boots everywhere (every guest system is run on both
   architectures by the kernel's tests) and does nothing. */
int main(void) { return 0; }
#endif
