/* Flexpages, map and grant items (ABI.md section 2) and the unmap system call. */
#ifndef L4_FPAGE_H
#define L4_FPAGE_H

#include <l4/types.h>
#include <l4/syscalls.h>

typedef l4_word l4_fpage;

#define L4_FPAGE_NIL ((l4_fpage)0) /* size 0: nil; as BR0, accept no mappings */

enum l4_rights {
    L4_RIGHTS_X = 1,
    L4_RIGHTS_W = 2,
    L4_RIGHTS_R = 4,
    L4_RIGHTS_RW = 6,
    L4_RIGHTS_RX = 5,
    L4_RIGHTS_RWX = 7,
};

/* base: bits 31..10, aligned to the size; log2_size 12..32 in bits 9..4; rights in bits 2..0. */
static inline l4_fpage l4_fpage_make(l4_word base, l4_word log2_size, l4_word rights)
{
    return (base & ~0x3FFu) | (log2_size & 0x3Fu) << 4 | (rights & 7u);
}

/* The whole address space, e.g. as a receive window that accepts mappings anywhere. */
static inline l4_fpage l4_fpage_complete(l4_word rights)
{
    return l4_fpage_make(0, 32, rights);
}

static inline l4_word l4_fpage_base(l4_fpage page)
{
    return page & ~0x3FFu;
}

static inline l4_word l4_fpage_log2_size(l4_fpage page)
{
    return (page >> 4) & 0x3Fu;
}

static inline l4_word l4_fpage_rights(l4_fpage page)
{
    return page & 7u;
}

enum l4_typed_item_type {
    L4_ITEM_MAP = 4,
    L4_ITEM_GRANT = 5,
};

/* Word 0 of a typed item; word 1 is the fpage. A typed item takes two of the t typed words. */
static inline l4_word l4_typed_item_word0(l4_word send_base, enum l4_typed_item_type type)
{
    return (send_base & ~0x3FFu) | (l4_word)type << 1;
}

#define L4_UNMAP_ALSO_OWN 1u /* unmap flag bit 0: remove the fpage from the caller's space too */

/* Revokes the caller's mappings derived from `page` in all other spaces. */
static inline void l4_unmap(l4_fpage page, l4_word flags)
{
    l4_arch_syscall(L4_SYSCALL_UNMAP, page, flags, 0, 0, 0, 0);
}

#endif
