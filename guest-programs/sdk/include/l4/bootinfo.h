/* The read-only boot info page at 0xBFFF0000 in every task (docs/abi.md section 2). */
#ifndef L4_BOOTINFO_H
#define L4_BOOTINFO_H

#include <l4/types.h>
#include <l4/thread_id.h>
#include <l4/abi.h> /* L4_BOOTINFO_ADDRESS, L4_BOOTINFO_MAGIC ("L4BI"), L4_BOOTINFO_NAME_LENGTH, the
                       offsets, enum l4_bootinfo_arch, enum l4_bootinfo_flags */

/* One per thread of the system description, in its order. */
struct l4_bootinfo_entry {
    char name[L4_BOOTINFO_NAME_LENGTH]; /* NUL-padded, `task` or `task.thread` */
    l4_thread_id id;
    l4_word flags;
};

struct l4_bootinfo {
    l4_word magic;
    l4_word abi_version;
    l4_word arch;
    l4_word entry_count;
    l4_word ticks_per_us; /* informational */
    l4_word reserved[3];
    struct l4_bootinfo_entry entries[];
};

_Static_assert(sizeof(struct l4_bootinfo_entry) == L4_BOOTINFO_ENTRY_SIZE, "boot info entries are 32 bytes");
_Static_assert(sizeof(struct l4_bootinfo) == L4_BOOTINFO_HEADER_SIZE, "boot info entries start at +32");
_Static_assert(__builtin_offsetof(struct l4_bootinfo, magic) == L4_BOOTINFO_MAGIC_OFFSET
                   && __builtin_offsetof(struct l4_bootinfo, abi_version) == L4_BOOTINFO_VERSION_OFFSET
                   && __builtin_offsetof(struct l4_bootinfo, arch) == L4_BOOTINFO_ARCH_OFFSET
                   && __builtin_offsetof(struct l4_bootinfo, entry_count) == L4_BOOTINFO_ENTRY_COUNT_OFFSET
                   && __builtin_offsetof(struct l4_bootinfo, ticks_per_us) == L4_BOOTINFO_TICKS_OFFSET
                   && __builtin_offsetof(struct l4_bootinfo_entry, id) == L4_BOOTINFO_ENTRY_ID_OFFSET
                   && __builtin_offsetof(struct l4_bootinfo_entry, flags) == L4_BOOTINFO_ENTRY_FLAGS_OFFSET,
               "the boot info page's fields are where the ABI has them");

static inline const struct l4_bootinfo *l4_bootinfo(void)
{
    return (const struct l4_bootinfo *)L4_BOOTINFO_ADDRESS;
}

/* The entry of the thread named `name`, or 0. */
const struct l4_bootinfo_entry *l4_bootinfo_find_name(const char *name);

/* The entry of thread `id`, or 0. */
const struct l4_bootinfo_entry *l4_bootinfo_find_id(l4_thread_id id);

/* The thread named `name` ("task" or "task.thread"), or nilthread. */
l4_thread_id l4_lookup(const char *name);

#define L4_NAME_SIZE (L4_BOOTINFO_NAME_LENGTH + 1)

/* Writes thread `id`'s name, or "thread 0x..." if it has none, into `name`; returns `name`. */
char *l4_name_of(l4_thread_id id, char name[L4_NAME_SIZE]);

#endif
