/* Flexpages, map and grant items (docs/abi.md section 2) and the unmap system call. */
#ifndef L4_FPAGE_H
#define L4_FPAGE_H

#include <l4/types.h>
#include <l4/syscalls.h>
#include <l4/utcb.h>
#include <l4/message.h>
#include <l4/abi.h> /* L4_PAGE_LOG2, L4_PAGE_SIZE, L4_FPAGE_..., enum l4_rights, L4_ITEM_..., L4_UNMAP_... */

typedef l4_word l4_fpage;

/* L4_FPAGE_NIL: size 0; as BR0, accept no mappings. */

/* base: bits 31..10, aligned to the size; log2_size 12..32 in bits 9..4; rights in bits 2..0. */
static inline l4_fpage l4_fpage_make(l4_word base, l4_word log2_size, l4_word rights)
{
    return (base & L4_FPAGE_BASE_MASK) | (log2_size & L4_FPAGE_SIZE_MASK) << L4_FPAGE_SIZE_SHIFT
        | (rights & L4_FPAGE_RIGHTS_MASK) << L4_FPAGE_RIGHTS_SHIFT;
}

/* The whole address space, e.g. as a receive window that accepts mappings anywhere. */
static inline l4_fpage l4_fpage_complete(l4_word rights)
{
    return l4_fpage_make(0, L4_FPAGE_MAX_LOG2, rights);
}

/* The 4 KiB page holding `address`. */
static inline l4_fpage l4_fpage_page(l4_word address, l4_word rights)
{
    return l4_fpage_make(address & ~(L4_PAGE_SIZE - 1), L4_PAGE_LOG2, rights);
}

static inline l4_word l4_fpage_base(l4_fpage page)
{
    return page & L4_FPAGE_BASE_MASK;
}

static inline l4_word l4_fpage_log2_size(l4_fpage page)
{
    return (page >> L4_FPAGE_SIZE_SHIFT) & L4_FPAGE_SIZE_MASK;
}

static inline l4_word l4_fpage_rights(l4_fpage page)
{
    return (page >> L4_FPAGE_RIGHTS_SHIFT) & L4_FPAGE_RIGHTS_MASK;
}

/* Word 0 of a typed item (type L4_ITEM_MAP or L4_ITEM_GRANT); word 1 is the fpage. A typed item
   takes two (L4_ITEM_WORDS) of the t typed words. */
static inline l4_word l4_typed_item_word0(l4_word send_base, enum l4_typed_item_type type)
{
    return (send_base & L4_ITEM_SEND_BASE_MASK) | (l4_word)type << L4_ITEM_TYPE_SHIFT;
}

/* MR(first) and MR(first + 1): one map or grant item. */
static inline void l4_set_typed_item(unsigned first, enum l4_typed_item_type type, l4_word send_base,
                                     l4_fpage page)
{
    l4_set_mr(first, l4_typed_item_word0(send_base, type));
    l4_set_mr(first + 1, page);
}

/* A message of one typed item and no untyped words: MR0 = tag (label, u = 0, t = 2), MR1-MR2.
   The pager's reply to a page fault is such a map item, placed by its send base. */
static inline void l4_load_item_message(l4_word label, enum l4_typed_item_type type,
                                        l4_word send_base, l4_fpage page)
{
    l4_set_mr(0, l4_msg_tag_make(label, 0, L4_ITEM_WORDS));
    l4_set_typed_item(1, type, send_base, page);
}

/* BR0: where mappings sent to this thread may land; L4_FPAGE_NIL accepts none. */
static inline void l4_set_receive_window(l4_fpage window)
{
    l4_set_br(0, window);
}

static inline l4_fpage l4_receive_window(void)
{
    return l4_br(0);
}

/* Revokes the caller's mappings derived from `page` in all other spaces; flags L4_UNMAP_ALSO_OWN
   (bit 0) from the caller's own space too. */
static inline void l4_unmap(l4_fpage page, l4_word flags)
{
    l4_arch_syscall(L4_SYSCALL_UNMAP, page, flags, 0, 0, 0, 0);
}

#endif
