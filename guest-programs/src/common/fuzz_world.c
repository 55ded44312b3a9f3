#include "fuzz_world.h"

#define LIFETIME_MIN 2000
#define LIFETIME_MAX 200000
#define ANY_TASK "*"

/* The description's rules (tools/.../fuzz/FuzzSystem.java REDIRECTS and ALLOWS; a test compares). */
static const struct {
    const char *source, *dest, *monitor;
} static_rules[] = {
    { "fuzz0", "fuzz1", "mon" },
    { "fuzz3", "fuzz0", "mon" },
    { ANY_TASK, "fuzz2", "mon.dst" },
    { "fuzz1", ANY_TASK, "smon" },
};

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

struct fuzz_board *fuzz_board(void)
{
    return (struct fuzz_board *)FUZZ_BOARD_ADDRESS;
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

/* Entry names compare up to the dot: "fuzz1.f5" is in task "fuzz1". */
static int task_name_is(const char *name, const char *task)
{
    l4_word i = 0;
    for (; i < L4_BOOTINFO_NAME_LENGTH && name[i] != '\0' && name[i] != '.'; i++)
        if (task[i] != name[i])
            return 0;
    return task[i] == '\0';
}

/* A task's first thread has the task's name, without a dot. */
static int is_first_of_task(const char *name)
{
    for (l4_word i = 0; i < L4_BOOTINFO_NAME_LENGTH && name[i] != '\0'; i++)
        if (name[i] == '.')
            return 0;
    return 1;
}

int fuzz_same_task(l4_word a, l4_word b)
{
    const char *x = fuzz_entry(a)->name, *y = fuzz_entry(b)->name;
    for (l4_word i = 0; i < L4_BOOTINFO_NAME_LENGTH; i++) {
        char p = x[i] == '.' ? '\0' : x[i];
        char q = y[i] == '.' ? '\0' : y[i];
        if (p != q)
            return 0;
        if (p == '\0')
            return 1;
    }
    return 1;
}

int fuzz_task_of(l4_thread_id id)
{
    /* Tasks numbered in boot info order, worked out once: every deceit check asks. */
    static int ordinal[FUZZ_MAX_THREADS];
    static int known;
    if (!known) {
        int tasks = 0;
        for (l4_word i = 0; i < fuzz_thread_count(); i++) {
            ordinal[i] = tasks;
            for (l4_word first = 0; first < i; first++) {
                if (fuzz_same_task(first, i)) {
                    ordinal[i] = ordinal[first];
                    break;
                }
            }
            if (ordinal[i] == tasks)
                tasks++;
        }
        known = 1;
    }
    l4_word index = fuzz_index_of(id);
    return index == FUZZ_MAX_THREADS ? -1 : ordinal[index];
}

/* Whether `id`'s task is called `task` ("*" matches any thread, even one not in the boot info page). */
static int in_task(l4_thread_id id, const char *task)
{
    if (task[0] == '*')
        return 1;
    l4_word index = fuzz_index_of(id);
    return index < FUZZ_MAX_THREADS && task_name_is(fuzz_entry(index)->name, task);
}

int fuzz_static_path(l4_thread_id source, l4_thread_id dest)
{
    for (l4_word i = 0; i < sizeof static_rules / sizeof static_rules[0]; i++)
        if (in_task(source, static_rules[i].source) && in_task(dest, static_rules[i].dest)
            && l4_lookup(static_rules[i].monitor) != source)
            return 1;
    return 0;
}

int fuzz_is_static_monitor_for(l4_thread_id monitor, l4_thread_id source)
{
    for (l4_word i = 0; i < sizeof static_rules / sizeof static_rules[0]; i++)
        if (in_task(source, static_rules[i].source) && l4_lookup(static_rules[i].monitor) == monitor)
            return 1;
    return 0;
}

int fuzz_is_static_rule(l4_thread_id source, l4_thread_id dest, l4_thread_id monitor)
{
    for (l4_word i = 0; i < sizeof static_rules / sizeof static_rules[0]; i++) {
        int source_matches = static_rules[i].source[0] == '*' ? source == L4_ANYTHREAD
                                                                : source != L4_ANYTHREAD && in_task(source, static_rules[i].source);
        int dest_matches = static_rules[i].dest[0] == '*' ? dest == L4_ANYTHREAD
                                                            : dest != L4_ANYTHREAD && in_task(dest, static_rules[i].dest);
        if (source_matches && dest_matches && l4_lookup(static_rules[i].monitor) == monitor)
            return 1;
    }
    return 0;
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
    me->anchor = is_first_of_task(entry->name);
    fuzz_random_seed(&me->random, seed, myself);
    me->lifetime = fuzz_between(&me->random, LIFETIME_MIN, LIFETIME_MAX);
    static const l4_word serving[] = { 0, 20, 50, 80 };
    me->serving_percent = serving[fuzz_below(&me->random, sizeof serving / sizeof serving[0])];
    me->class_mask = l4_user_defined_handle() != 0 ? l4_user_defined_handle() : (1u << FUZZ_CLASS_COUNT) - 1;
    me->home_pager = l4_pager();
    me->bootinfo_entries = l4_bootinfo()->entry_count;
    me->current = FUZZ_CLASS_NONE;
    me->started = 1;
}

struct fuzz_thread *fuzz_me(void)
{
    l4_thread_id myself = l4_myself();
    l4_word index = fuzz_index_of(myself);
    /* A thread the boot info page does not list runs this code only by an attack's doing (a
       churned task whose pager mapped it the image and started it at the entry): it is a
       casualty, not the fuzz system's, and leaves alone rather than ending the run. */
    if (index == FUZZ_MAX_THREADS)
        l4_exit_thread();
    struct fuzz_thread *me = &threads[index];
    if (!me->started)
        start(me, myself, index);
    me->myself = myself;
    return me;
}

struct fuzz_thread *fuzz_thread_at(l4_word index)
{
    return &threads[index];
}

void fuzz_set_class(struct fuzz_thread *me, enum fuzz_class current)
{
    me->current = current;
    l4_set_thread_word(2, current == FUZZ_CLASS_NONE ? 0 : (l4_word)current + 1);
}

int fuzz_class_enabled(const struct fuzz_thread *me, enum fuzz_class class)
{
    return (me->class_mask >> class) & 1;
}

void fuzz_count(struct fuzz_thread *me)
{
    me->syscalls++;
    fuzz_slot(me->index)->syscalls++;
}
