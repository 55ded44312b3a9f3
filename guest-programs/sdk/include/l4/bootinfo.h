/* The read-only boot info page at 0xBFFF0000 in every task (docs/abi.md section 2). */
#ifndef L4_BOOTINFO_H
#define L4_BOOTINFO_H

#include <l4/types.h>
#include <l4/thread_id.h>

#define L4_BOOTINFO_ADDRESS 0xBFFF0000u
#define L4_BOOTINFO_MAGIC 0x4942344Cu /* "L4BI" */
#define L4_BOOTINFO_NAME_LENGTH 24

enum l4_bootinfo_arch {
    L4_ARCH_ARM = 1,
    L4_ARCH_X86 = 2,
};

enum l4_bootinfo_flags {
    L4_BOOTINFO_MONITOR = 1,
    L4_BOOTINFO_PRIVILEGED = 2,
};

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

_Static_assert(sizeof(struct l4_bootinfo_entry) == 32, "boot info entries are 32 bytes");
_Static_assert(sizeof(struct l4_bootinfo) == 32, "boot info entries start at +32");

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
