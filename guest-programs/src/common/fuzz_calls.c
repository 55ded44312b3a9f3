#include "fuzz_calls.h"
#include "fuzz_arguments.h"
#include "fuzz_monitor.h"
#include "fuzz_oracle.h"
#include "fuzz_rules.h"

#define LAST_SYSCALL L4_SYSCALL_REDIRECT
#define CONSOLE_NOISE_PERCENT 2

/* Bit 15 clear in both halves (ABI section 3). */
static int timeouts_valid(l4_word timeouts)
{
    return (timeouts & 0x80008000u) == 0;
}

l4_raw_results fuzz_syscall(struct fuzz_thread *me, l4_word number, l4_word a0, l4_word a1, l4_word a2, l4_word a3)
{
    l4_raw_results results = l4_arch_syscall(number, a0, a1, a2, a3, fuzz_next(&me->random), fuzz_next(&me->random));
    fuzz_count(me);
    return results;
}

l4_ipc_result fuzz_ipc(struct fuzz_thread *me, l4_thread_id to, l4_thread_id from_spec, l4_word timeouts,
                       l4_word snd_desc)
{
    struct fuzz_slot *slot = fuzz_slot(me->index);
    me->ipc_partner = to;
    me->ipc_state = to != L4_NILTHREAD ? FUZZ_IPC_SENDING : from_spec != L4_NILTHREAD ? FUZZ_IPC_RECEIVING : FUZZ_IPC_NONE;
    slot->receiving = to == L4_NILTHREAD && from_spec == L4_ANYTHREAD;
    l4_ipc_result result = l4_ipc(to, from_spec, timeouts, snd_desc);
    slot->receiving = 0;
    me->ipc_state = FUZZ_IPC_NONE;
    fuzz_count(me);
    if (to == L4_NILTHREAD && from_spec == L4_NILTHREAD && timeouts_valid(timeouts) && snd_desc == L4_SND_DESC_NONE)
        fuzz_check_no_phase(result);
    if (from_spec != L4_NILTHREAD && !l4_ipc_failed(result)) {
        fuzz_check_received(me);
        fuzz_keep(me, result);
    }
    return result;
}

void fuzz_call_ipc(struct fuzz_thread *me)
{
    static const l4_word weights[] = { 40, 14, 12, 6, 4, 4, 10, 10 };
    struct fuzz_random *r = &me->random;
    fuzz_message(me);
    fuzz_receive_window(me);
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0: /* anything at all */
        fuzz_ipc(me, fuzz_thread_id(me), fuzz_from_spec(me), fuzz_timeouts(me), fuzz_send_descriptor(me));
        return;
    case 1: { /* a call that can succeed */
        l4_thread_id to = fuzz_server(me);
        l4_word timeout = fuzz_short_timeout(me);
        fuzz_ipc(me, to, to, l4_timeouts(timeout, timeout), L4_SND_DESC_NONE);
        return;
    }
    case 2: /* an open wait that can succeed */
        fuzz_ipc(me, L4_NILTHREAD, L4_ANYTHREAD, l4_timeouts(0, fuzz_short_timeout(me)), L4_SND_DESC_NONE);
        return;
    case 3: /* reply and wait, as a server */
        fuzz_ipc(me, me->last_from, L4_ANYTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, fuzz_short_timeout(me)),
                 L4_SND_DESC_NONE);
        return;
    case 4: /* self-IPC: a send or call to oneself can only time out */
        fuzz_ipc(me, me->myself, fuzz_chance(r, 50) ? me->myself : L4_NILTHREAD,
                 l4_timeouts(fuzz_short_timeout(me), fuzz_short_timeout(me)), fuzz_send_descriptor(me));
        return;
    case 5: /* sleep, or neither phase at all */
        fuzz_ipc(me, L4_NILTHREAD, fuzz_chance(r, 70) ? me->myself : L4_NILTHREAD,
                 l4_timeouts(fuzz_short_timeout(me), fuzz_short_timeout(me)), L4_SND_DESC_NONE);
        return;
    case 6: /* a send with a plausible descriptor: options without rights, deceit claims */
        fuzz_ipc(me, fuzz_thread_id(me), fuzz_chance(r, 50) ? L4_NILTHREAD : fuzz_from_spec(me),
                 l4_timeouts(fuzz_timeout(me), fuzz_short_timeout(me)), fuzz_send_descriptor(me));
        return;
    default:
        fuzz_monitor_act(me);
        return;
    }
}

void fuzz_serve(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    l4_word receive = l4_timeout_us(fuzz_between(r, 100, 3000));
    fuzz_message(me);
    fuzz_receive_window(me);
    if (me->last_from != L4_NILTHREAD && fuzz_chance(r, 80))
        fuzz_ipc(me, me->last_from, L4_ANYTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, receive), L4_SND_DESC_NONE);
    else
        fuzz_ipc(me, L4_NILTHREAD, L4_ANYTHREAD, l4_timeouts(0, receive), L4_SND_DESC_NONE);
}

void fuzz_call_kdebug(struct fuzz_thread *me)
{
    static const l4_word weights[] = { 2, 20, 20, 30, 28 };
    struct fuzz_random *r = &me->random;
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0: /* console noise, rarely */
        fuzz_syscall(me, L4_SYSCALL_KDEBUG, L4_KDEBUG_PUTC, fuzz_next(r), 0, 0);
        return;
    case 1: { /* a bad buffer, a length at or past the limit, or (rarely) a little noise */
        l4_word length = fuzz_chance(r, 50) ? fuzz_below(r, 64) : fuzz_chance(r, 50) ? 0x10000u + fuzz_below(r, 2) : fuzz_next(r);
        l4_word address = fuzz_pointer(me);
        if (length == 0x10000u || (length < 64 && !fuzz_chance(r, CONSOLE_NOISE_PERCENT)))
            address = 0xc0000000u; /* keep the console quiet: the kernel must refuse it */
        fuzz_syscall(me, L4_SYSCALL_KDEBUG, L4_KDEBUG_WRITE, address, length, 0);
        return;
    }
    case 2: { /* never with the mark of a guest oracle's report */
        l4_word mark = fuzz_next(r);
        if ((mark & FUZZ_ORACLE_MAGIC_MASK) == FUZZ_ORACLE_MAGIC)
            mark ^= 0x80000000u;
        fuzz_syscall(me, L4_SYSCALL_KDEBUG, L4_KDEBUG_BREAKPOINT, mark, 0, 0);
        return;
    }
    case 3: /* an undefined op (never shutdown, which would end the run) */
        fuzz_syscall(me, L4_SYSCALL_KDEBUG, fuzz_between(r, L4_KDEBUG_EXIT_THREAD + 1, 0xffff), fuzz_next(r), fuzz_next(r), 0);
        return;
    default:
        fuzz_syscall(me, L4_SYSCALL_KDEBUG, fuzz_next(r) | 0x10000u, fuzz_next(r), fuzz_next(r), 0);
        return;
    }
}

void fuzz_call_thread_switch(struct fuzz_thread *me)
{
    fuzz_syscall(me, L4_SYSCALL_THREAD_SWITCH, fuzz_thread_id(me), 0, 0, 0);
}

void fuzz_call_system_clock(struct fuzz_thread *me)
{
    fuzz_syscall(me, L4_SYSCALL_SYSTEM_CLOCK, fuzz_next(&me->random), 0, 0, 0);
}

/* The keeper must stay able to kick: nobody but it may halt, move or delete it. */
static l4_thread_id spare_keeper(struct fuzz_thread *me, l4_thread_id id)
{
    return id == fuzz_keeper() ? me->myself : id;
}

static l4_word slot_stack_top(l4_thread_id id)
{
    l4_word index = fuzz_index_of(id);
    return index < FUZZ_MAX_THREADS ? fuzz_slot(index)->stack_top : 0;
}

void fuzz_call_exchange_registers(struct fuzz_thread *me)
{
    static const l4_word weights[] = { 35, 20, 10, 10, 10, 15 };
    struct fuzz_random *r = &me->random;
    l4_thread_id dest = fuzz_thread_id(me);
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0: /* read only */
        fuzz_syscall(me, L4_SYSCALL_EXCHANGE_REGISTERS, dest, 0, fuzz_next(r), fuzz_next(r));
        return;
    case 1: /* a kick: cancels the IPC it is blocked in and lets it run on */
        fuzz_syscall(me, L4_SYSCALL_EXCHANGE_REGISTERS, spare_keeper(me, dest), L4_EXREGS_HALT | L4_EXREGS_RESUME, 0, 0);
        return;
    case 2:
        fuzz_syscall(me, L4_SYSCALL_EXCHANGE_REGISTERS, spare_keeper(me, dest), L4_EXREGS_HALT, 0, 0);
        return;
    case 3:
        fuzz_syscall(me, L4_SYSCALL_EXCHANGE_REGISTERS, dest, L4_EXREGS_RESUME, 0, 0);
        return;
    case 4: { /* a restart, when the target's stack is known */
        dest = spare_keeper(me, fuzz_known_thread(me));
        l4_word top = slot_stack_top(dest);
        if (top == 0)
            return;
        fuzz_syscall(me, L4_SYSCALL_EXCHANGE_REGISTERS, dest, L4_EXREGS_SET_SP_IP | (fuzz_next(r) & L4_EXREGS_RESUME),
                top, (l4_word)fuzz_restart);
        return;
    }
    default: { /* undefined control bits (error 9) or, half the time, halt and resume at random; never set sp
                  and ip to noise, which would only crash the target */
        l4_word control = fuzz_next(r) & ~(l4_word)L4_EXREGS_SET_SP_IP;
        if (fuzz_chance(r, 50))
            control &= L4_EXREGS_HALT | L4_EXREGS_RESUME;
        fuzz_syscall(me, L4_SYSCALL_EXCHANGE_REGISTERS, spare_keeper(me, dest), control, fuzz_next(r), fuzz_next(r));
        return;
    }
    }
}

/* The part of a boot info name before the dot: the thread's task. */
static int same_task(const struct l4_bootinfo_entry *a, const struct l4_bootinfo_entry *b)
{
    for (l4_word i = 0; i < L4_BOOTINFO_NAME_LENGTH; i++) {
        char x = a->name[i] == '.' ? '\0' : a->name[i];
        char y = b->name[i] == '.' ? '\0' : b->name[i];
        if (x != y)
            return 0;
        if (x == '\0')
            return 1;
    }
    return 1;
}

/* Deletes a thread and creates it anew in its task under a new version, restarted where it was:
   every partner it had sees it die (S2, monitor deaths), and its old ID goes stale. The new
   thread is created beside any sibling still alive (thread_control needs a live thread of the
   task); one alone in its task is spared, as it could not come back. */
static void delete_and_recreate(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    l4_word victim = fuzz_below(r, fuzz_thread_count());
    l4_thread_id old = fuzz_current_id(victim);
    struct fuzz_slot *slot = fuzz_slot(victim);
    if (old == fuzz_keeper() || old == me->myself || slot->stack_top == 0)
        return;
    int has_sibling = 0;
    for (l4_word i = 0; i < fuzz_thread_count(); i++)
        has_sibling |= i != victim && same_task(fuzz_entry(i), fuzz_entry(victim));
    if (!has_sibling)
        return;
    fuzz_syscall(me, L4_SYSCALL_THREAD_CONTROL, old, L4_NILTHREAD, 0, 0);
    l4_word version = l4_thread_version(old) + 1;
    l4_thread_id renewed = l4_thread_id_make(l4_thread_number(old), version > L4_THREAD_VERSION_MASK ? 1 : version);
    for (l4_word i = 0; i < fuzz_thread_count(); i++) {
        if (i == victim || !same_task(fuzz_entry(i), fuzz_entry(victim)))
            continue;
        l4_word created = fuzz_syscall(me, L4_SYSCALL_THREAD_CONTROL, renewed, fuzz_current_id(i), l4_pager(),
                                  slot->utcb_address).value[0];
        if (created == 0) {
            fuzz_syscall(me, L4_SYSCALL_EXCHANGE_REGISTERS, renewed, L4_EXREGS_SET_SP_IP | L4_EXREGS_RESUME,
                    slot->stack_top, (l4_word)fuzz_restart);
            return;
        }
    }
}

void fuzz_call_thread_control(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    if (fuzz_chance(r, 15)) {
        if (me->privileged)
            delete_and_recreate(me);
        else
            fuzz_syscall(me, L4_SYSCALL_THREAD_CONTROL, spare_keeper(me, fuzz_thread_id(me)), L4_NILTHREAD, 0, 0);
        return;
    }
    /* Creation with adversarial arguments; space is never nil, which would delete for good. A
       boot info thread's number stays its own, even while it is dead: a stranger created under
       it would take the fuzzer's place for good, halted, and the run would wither. */
    l4_thread_id dest = fuzz_chance(r, 30) ? l4_thread_id_make(fuzz_between(r, 2000, 2100), fuzz_below(r, 3))
                                           : fuzz_thread_id(me);
    if (fuzz_index_of(dest) < FUZZ_MAX_THREADS)
        dest = l4_thread_id_make(fuzz_between(r, 2000, 2100), l4_thread_version(dest));
    l4_thread_id space = fuzz_chance(r, 10) ? dest : fuzz_thread_id(me);
    fuzz_syscall(me, L4_SYSCALL_THREAD_CONTROL, spare_keeper(me, dest), space == L4_NILTHREAD ? dest : space,
            fuzz_thread_id(me), fuzz_utcb_address(me));
}

void fuzz_unmap(struct fuzz_thread *me, l4_word fpage, l4_word flags)
{
    fuzz_syscall(me, L4_SYSCALL_UNMAP, fpage, flags, 0, 0);
}

void fuzz_call_unmap(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    /* Also from its own space: the source region only, every right, so that a touch re-faults.
       Rarely: each re-fault costs a frame the kernel never gets back, and the run must not
       use up physical memory long before its budget. */
    if (fuzz_chance(r, 5))
        fuzz_syscall(me, L4_SYSCALL_UNMAP, fuzz_source_fpage(me, L4_RIGHTS_RWX), L4_UNMAP_ALSO_OWN, 0, 0);
    else /* now and then undefined flag bits, which make the call an invalid one (P2) */
        fuzz_syscall(me, L4_SYSCALL_UNMAP, fuzz_fpage(me), fuzz_chance(r, 90) ? 0 : fuzz_next(r) & ~L4_UNMAP_ALSO_OWN,
                     0, 0);
}

#define DYNAMIC_RULES 8

/* Rules this thread added at run time, so that it removes as many as it adds. */
static struct {
    l4_word op, source, dest, monitor;
} rules[FUZZ_MAX_THREADS][DYNAMIC_RULES];
static l4_word rule_count[FUZZ_MAX_THREADS];

static l4_thread_id task_or_any(struct fuzz_thread *me)
{
    return fuzz_chance(&me->random, 30) ? L4_ANYTHREAD : fuzz_known_thread(me);
}

void fuzz_call_redirect(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    l4_word *count = &rule_count[me->index];
    if (fuzz_chance(r, 20)) {
        fuzz_redirect(me, fuzz_next(r) & (fuzz_chance(r, 50) ? 0x3ffu : ~0u), fuzz_thread_id(me), fuzz_thread_id(me),
                      fuzz_thread_id(me));
    } else if (*count < DYNAMIC_RULES && fuzz_chance(r, 50)) {
        l4_word op = L4_REDIRECT_ADD | fuzz_below(r, 3) << 8;
        l4_word source = task_or_any(me);
        l4_word dest = task_or_any(me);
        l4_word monitor = spare_keeper(me, fuzz_known_thread(me));
        if (fuzz_redirect(me, op, source, dest, monitor) == 0 && me->privileged) {
            rules[me->index][*count].op = op;
            rules[me->index][*count].source = source;
            rules[me->index][*count].dest = dest;
            rules[me->index][*count].monitor = monitor;
            (*count)++;
        }
    } else if (*count > 0) {
        l4_word victim = fuzz_below(r, *count);
        fuzz_redirect(me, L4_REDIRECT_REMOVE, rules[me->index][victim].source, rules[me->index][victim].dest,
                      rules[me->index][victim].monitor);
        rules[me->index][victim] = rules[me->index][--*count];
    } else {
        fuzz_redirect(me, L4_REDIRECT_REMOVE, task_or_any(me), task_or_any(me), fuzz_known_thread(me));
    }
}

void fuzz_call_undefined(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    l4_word number = fuzz_chance(r, 50) ? fuzz_between(r, LAST_SYSCALL + 1, 255) : fuzz_next(r) | 0x100u;
    fuzz_syscall(me, number, fuzz_next(r), fuzz_next(r), fuzz_next(r), fuzz_next(r));
}

void fuzz_touch(struct fuzz_thread *me)
{
    volatile const l4_word *page =
        (const l4_word *)(FUZZ_SOURCE_ADDRESS + (fuzz_below(&me->random, 1u << (FUZZ_SOURCE_LOG2 - 12)) << 12));
    (void)*page;
}
