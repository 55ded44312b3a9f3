/* The messages the kernel sends on a faulting thread's behalf (docs/semantics.md S6): a page fault
   to the thread's pager, a CPU exception to its exception handler. Both come with the kernel
   flag (MR0 bit 15) and from the faulting thread; the thread resumes when the handler replies. */
#ifndef L4_FAULT_H
#define L4_FAULT_H

#include <l4/types.h>
#include <l4/thread_id.h>
#include <l4/utcb.h>
#include <l4/message.h>

/* Page fault: label 0xFFE0 | rwx (the access that faulted: r 4, w 2, x 1), MR1 the fault
   address, MR2 the fault ip. Reply with a map or grant item (l4_load_item_message): the window
   is the whole faulting space, and the send base says where the page lands. */
#define L4_PAGE_FAULT_LABEL 0xFFE0u
#define L4_PAGE_FAULT_ADDRESS_MR 1
#define L4_PAGE_FAULT_IP_MR 2

/* Exception: label 0xFFC0, MR1 ip, MR2 sp, MR3 the code below, MR4 the faulting address. A
   reply with at least two untyped words resumes the thread at ip = MR1, sp = MR2. */
#define L4_EXCEPTION_LABEL 0xFFC0u
#define L4_EXCEPTION_IP_MR 1
#define L4_EXCEPTION_SP_MR 2
#define L4_EXCEPTION_CODE_MR 3
#define L4_EXCEPTION_ADDRESS_MR 4

enum l4_exception_code {
    L4_EXCEPTION_UNDEFINED_INSTRUCTION = 1,
    L4_EXCEPTION_ALIGNMENT = 2,
    L4_EXCEPTION_PRIVILEGED_INSTRUCTION = 3,
    L4_EXCEPTION_DIVIDE = 4,
    L4_EXCEPTION_BREAKPOINT = 5,
    L4_EXCEPTION_OTHER = 6,
};

static inline int l4_is_page_fault(l4_msg_tag tag)
{
    return l4_msg_tag_is_from_kernel(tag) && (l4_msg_tag_label(tag) & ~7u) == L4_PAGE_FAULT_LABEL;
}

/* The rights the faulting access needed (L4_RIGHTS_R, _W or _X). */
static inline l4_word l4_page_fault_access(l4_msg_tag tag)
{
    return l4_msg_tag_label(tag) & 7u;
}

static inline int l4_is_exception(l4_msg_tag tag)
{
    return l4_msg_tag_is_from_kernel(tag) && l4_msg_tag_label(tag) == L4_EXCEPTION_LABEL;
}

/* A thread's exception handler is UTCB word 102; the thread may set its own. */
static inline void l4_set_exception_handler(l4_thread_id handler)
{
    l4_arch_utcb()[L4_UTCB_EXCEPTION_HANDLER] = handler;
}

/* The pager (UTCB word 101) likewise. */
static inline void l4_set_pager(l4_thread_id pager)
{
    l4_arch_utcb()[L4_UTCB_PAGER] = pager;
}

#endif
