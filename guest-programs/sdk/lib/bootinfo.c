#include <l4.h>

/* Entry names are NUL-padded to 24 bytes; a name of exactly 24 characters has no NUL. */
static int has_name(const struct l4_bootinfo_entry *entry, const char *name)
{
    for (l4_word i = 0; i < L4_BOOTINFO_NAME_LENGTH; i++) {
        if (entry->name[i] != name[i])
            return 0;
        if (name[i] == '\0')
            return 1;
    }
    return name[L4_BOOTINFO_NAME_LENGTH] == '\0';
}

static l4_word entry_count(void)
{
    const struct l4_bootinfo *info = l4_bootinfo();
    return info->magic == L4_BOOTINFO_MAGIC ? info->entry_count : 0;
}

const struct l4_bootinfo_entry *l4_bootinfo_find_name(const char *name)
{
    l4_word count = entry_count();
    for (l4_word i = 0; i < count; i++)
        if (has_name(&l4_bootinfo()->entries[i], name))
            return &l4_bootinfo()->entries[i];
    return 0;
}

const struct l4_bootinfo_entry *l4_bootinfo_find_id(l4_thread_id id)
{
    l4_word count = entry_count();
    for (l4_word i = 0; i < count; i++)
        if (l4_bootinfo()->entries[i].id == id)
            return &l4_bootinfo()->entries[i];
    return 0;
}

l4_thread_id l4_lookup(const char *name)
{
    const struct l4_bootinfo_entry *entry = l4_bootinfo_find_name(name);
    return entry ? entry->id : L4_NILTHREAD;
}

char *l4_name_of(l4_thread_id id, char name[L4_NAME_SIZE])
{
    const struct l4_bootinfo_entry *entry = l4_bootinfo_find_id(id);
    if (!entry)
        return l4_snprintf(name, L4_NAME_SIZE, "thread 0x%x", id);
    l4_word i = 0;
    for (; i < L4_BOOTINFO_NAME_LENGTH && entry->name[i] != '\0'; i++)
        name[i] = entry->name[i];
    name[i] = '\0';
    return name;
}
