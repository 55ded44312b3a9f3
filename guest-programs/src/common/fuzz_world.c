#include "fuzz_world.h"

#define LIFETIME_MIN 2000
#define LIFETIME_MAX 200000

static struct fuzz_thread threads[FUZZ_MAX_THREADS];

l4_word fuzz_thread_count(void)
{
    l4_word count = l4_bootinfo()->entry_count;
    return count < FUZZ_MAX_THREADS ? count : FUZZ_MAX_THREADS;
}

const struct l4_bootinfo_entry *fuzz_entry(l4_word index)
{
    return &l4_bootinfo()->entries[index];
}

struct fuzz_slot *fuzz_slot(l4_word index)
{
    return &((struct fuzz_slot *)FUZZ_SLOTS_ADDRESS)[index];
}

l4_thread_id fuzz_keeper(void)
{
    return l4_lookup("keeper");
}

static int ends_with(const char *name, const char *suffix)
{
    l4_word length = 0;
    while (length < L4_BOOTINFO_NAME_LENGTH && name[length] != '\0')
        length++;
    l4_word suffix_length = 0;
    while (suffix[suffix_length] != '\0')
        suffix_length++;
    if (suffix_length > length)
        return 0;
    for (l4_word i = 0; i < suffix_length; i++)
        if (name[length - suffix_length + i] != suffix[i])
            return 0;
    return 1;
}

static enum fuzz_role role_of(const struct l4_bootinfo_entry *entry)
{
    if (entry->id == fuzz_keeper())
        return FUZZ_ROLE_KEEPER;
    if (ends_with(entry->name, ".doomed"))
        return FUZZ_ROLE_DOOMED;
    if (ends_with(entry->name, ".crasher"))
        return FUZZ_ROLE_CRASHER;
    return FUZZ_ROLE_FUZZER;
}

l4_thread_id fuzz_current_id(l4_word index)
{
    l4_thread_id id = fuzz_slot(index)->id;
    return id != L4_NILTHREAD ? id : fuzz_entry(index)->id;
}

l4_word fuzz_index_of(l4_thread_id id)
{
    for (l4_word i = 0; i < fuzz_thread_count(); i++)
        if (l4_thread_number(fuzz_entry(i)->id) == l4_thread_number(id))
            return i;
    return FUZZ_MAX_THREADS;
}

static void start(struct fuzz_thread *me, l4_thread_id myself, l4_word index)
{
    const struct l4_bootinfo_entry *entry = fuzz_entry(index);
    l4_u64 seed = (l4_u64)l4_thread_word(1) << 32 | l4_thread_word(0);
    me->index = index;
    me->myself = myself;
    me->role = role_of(entry);
    me->monitor = (entry->flags & L4_BOOTINFO_MONITOR) != 0;
    me->privileged = (entry->flags & L4_BOOTINFO_PRIVILEGED) != 0;
    fuzz_random_seed(&me->random, seed, myself);
    me->lifetime = fuzz_between(&me->random, LIFETIME_MIN, LIFETIME_MAX);
    static const l4_word serving[] = { 0, 20, 50, 80 };
    me->serving_percent = serving[fuzz_below(&me->random, sizeof serving / sizeof serving[0])];
    me->started = 1;
}

struct fuzz_thread *fuzz_me(void)
{
    l4_thread_id myself = l4_myself();
    l4_word index = fuzz_index_of(myself);
    if (index == FUZZ_MAX_THREADS) {
        l4_printf("fuzz: thread %x is not in the boot info page\n", myself);
        l4_shutdown(1);
    }
    struct fuzz_thread *me = &threads[index];
    if (!me->started)
        start(me, myself, index);
    me->myself = myself;
    return me;
}

void fuzz_count(struct fuzz_thread *me)
{
    me->syscalls++;
    fuzz_slot(me->index)->syscalls++;
}
