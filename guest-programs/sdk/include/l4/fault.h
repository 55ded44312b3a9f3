/* The messages the kernel sends on a faulting thread's behalf (docs/semantics.md S6): a page fault
   to the thread's pager, a CPU exception to its exception handler. Both come with the kernel
   flag (MR0 bit 15) and from the faulting thread; the thread resumes when the handler replies. */
#ifndef L4_FAULT_H
#define L4_FAULT_H

#include <l4/types.h>
#include <l4/thread_id.h>
#include <l4/utcb.h>
#include <l4/message.h>
#include <l4/abi.h>

/* The numbers of both messages are in l4/abi.h:

   Page fault: label L4_PAGE_FAULT_LABEL (0xFFE0) | rwx (the access that faulted: r 4, w 2, x 1),
   MR1 the fault address, MR2 the fault ip (L4_PAGE_FAULT_ADDRESS_MR, _IP_MR). Reply with a map
   or grant item (l4_load_item_message): the window is the whole faulting space, and the send
   base says where the page lands.

   Exception: label L4_EXCEPTION_LABEL (0xFFC0), MR1 ip, MR2 sp, MR3 the code (enum
   l4_exception_code: L4_EXCEPTION_UNDEFINED_INSTRUCTION, ...), MR4 the faulting address
   (L4_EXCEPTION_IP_MR, _SP_MR, _CODE_MR, _ADDRESS_MR). A reply with at least two untyped words
   resumes the thread at ip = MR1, sp = MR2. */

static inline int l4_is_page_fault(l4_msg_tag tag)
{
    return l4_msg_tag_is_from_kernel(tag)
        && (l4_msg_tag_label(tag) & ~L4_PAGE_FAULT_ACCESS_MASK) == L4_PAGE_FAULT_LABEL;
}

/* The rights the faulting access needed (L4_RIGHTS_R, _W or _X). */
static inline l4_word l4_page_fault_access(l4_msg_tag tag)
{
    return l4_msg_tag_label(tag) & L4_PAGE_FAULT_ACCESS_MASK;
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
