/* The classes rule-churn and task-churn (fuzz_attacks.h). The root (the one privileged fuzzer)
   changes redirect rules while IPCs are in flight, and creates, starts and deletes tasks and
   threads and brings stopped fuzzers back; every other thread keeps IPCs in flight along the
   description's monitored paths, or aims its calls at the threads that come and go. Allow rules
   have no system call: they are attacked by the sends and faults that cross them. */
#include "fuzz_attacks.h"
#include "fuzz_arguments.h"
#include "fuzz_calls.h"
#include "fuzz_loop.h"
#include "fuzz_oracle.h"
#include "fuzz_rules.h"

#define CHURNED 8
#define FIRST_CHURNED_NUMBER 3000u
#define CHURNED_NUMBERS 512u
#define UTCB_AREA 0xBFF00000u
#define CHURNED_STACK_TOP (FUZZ_SOURCE_ADDRESS + (1u << FUZZ_SOURCE_LOG2)) /* served by sigma0 on demand */
#define CHURNED_STACK_SIZE 256u
#define CHURNED_WAITS 8
#define SIGMA0 ((1u << 14) | 1u)
#define THREAD_VERSION_MASK 0x3fffu

/* The threads the root made and has not deleted (root's own memory), and where everyone can see them. */
static l4_thread_id churned[CHURNED];
static l4_word next_number;

static volatile l4_thread_id *published(void)
{
    return fuzz_board()->latest_churned;
}

void fuzz_attack_rule_churn(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    if (me->privileged) {
        l4_thread_id source, dest, monitor;
        if (fuzz_chance(r, 45) && fuzz_board_pick(me, &source, &dest, &monitor)) {
            fuzz_redirect(me, L4_REDIRECT_REMOVE, source, dest, monitor);
            return;
        }
        source = fuzz_chance(r, 30) ? L4_ANYTHREAD : fuzz_known_thread(me);
        dest = fuzz_chance(r, 30) ? L4_ANYTHREAD : fuzz_known_thread(me);
        monitor = fuzz_known_thread(me);
        if (monitor == fuzz_keeper())
            monitor = me->myself;
        fuzz_redirect(me, L4_REDIRECT_ADD | fuzz_below(r, fuzz_chance(r, 95) ? 3 : 4) << 8, source, dest, monitor);
        return;
    }
    /* An IPC in flight along a monitored path where there is one, with time for the root to change the rules. */
    l4_thread_id to = fuzz_known_thread(me);
    for (int tries = 0; tries < 4 && !fuzz_static_path(me->myself, to); tries++)
        to = fuzz_known_thread(me);
    l4_word send = l4_timeout_us(fuzz_between(r, 500, 5000));
    l4_set_mr(0, l4_msg_tag_make(fuzz_next(r), 2, 0));
    l4_set_mr(1, fuzz_next(r));
    l4_set_mr(2, fuzz_next(r));
    if (fuzz_chance(r, 60)) {
        fuzz_ipc(me, to, to, l4_timeouts(send, l4_timeout_us(fuzz_below(r, 5000))), L4_SND_DESC_NONE);
        return;
    }
    fuzz_params.true_source = me->myself;
    fuzz_params.blocked_source = me->myself;
    fuzz_params.controlling_monitor = me->myself;
    fuzz_params.delay_timeout_us = fuzz_chance(r, 50) ? 0 : fuzz_below(r, 5000);
    fuzz_ipc(me, to, L4_NILTHREAD, l4_timeouts(send, 0), l4_snd_desc(&fuzz_params));
}

/* A thread the root made in a fuzz task: it waits a few times, then exits. It never touches the
   fuzz state of its task, whose boot info it is not in. */
void fuzz_churned_thread(void)
{
    for (int i = 0; i < CHURNED_WAITS; i++)
        l4_ipc(L4_NILTHREAD, L4_ANYTHREAD, l4_timeouts(0, l4_timeout_us(1000)), L4_SND_DESC_NONE);
    l4_exit_thread();
}

static l4_thread_id new_id(void)
{
    static l4_word versions[CHURNED_NUMBERS];
    l4_word slot = next_number++ % CHURNED_NUMBERS;
    versions[slot] = versions[slot] % THREAD_VERSION_MASK + 1;
    return l4_thread_id_make(FIRST_CHURNED_NUMBER + slot, versions[slot]);
}

static int free_place(void)
{
    for (int i = 0; i < CHURNED; i++)
        if (churned[i] == L4_NILTHREAD)
            return i;
    return -1;
}

/* A new task (its first thread starts at an address with no code: it faults to the root, which
   never answers such a fault), or a thread beside a fuzz task's, which waits and exits. */
static void create(struct fuzz_thread *me, int place)
{
    struct fuzz_random *r = &me->random;
    l4_thread_id id = new_id();
    if (fuzz_chance(r, 70)) {
        l4_word utcb = UTCB_AREA + 512 * fuzz_below(r, 8);
        l4_word result = fuzz_syscall(me, L4_SYSCALL_THREAD_CONTROL, id, id, me->myself, utcb).value[0];
        /* Error 6 for a new task is physical memory running out (the root is privileged, the
           arguments are good). The root holds at most CHURNED tasks, and everything else the
           fuzzers hold is bounded far below the machine's memory: deleted tasks were kept. */
        if (result == L4_ERROR_NOT_PERMITTED)
            fuzz_report(FUZZ_ORACLE_TASK_MEMORY);
        if (result != 0)
            return;
        if (fuzz_chance(r, 60))
            fuzz_syscall(me, L4_SYSCALL_EXCHANGE_REGISTERS, id, L4_EXREGS_SET_SP_IP | L4_EXREGS_RESUME, 0xBFF00000u,
                         0x00010000u);
    } else {
        l4_word beside = 2 + fuzz_below(r, fuzz_thread_count() - 2);
        l4_word utcb = UTCB_AREA + 512 * (128 + fuzz_below(r, 128));
        if (fuzz_syscall(me, L4_SYSCALL_THREAD_CONTROL, id, fuzz_current_id(beside), SIGMA0, utcb).value[0] != 0)
            return;
        fuzz_syscall(me, L4_SYSCALL_EXCHANGE_REGISTERS, id, L4_EXREGS_SET_SP_IP | L4_EXREGS_RESUME,
                     CHURNED_STACK_TOP - CHURNED_STACK_SIZE * fuzz_below(r, 32), (l4_word)fuzz_churned_thread);
    }
    churned[place] = id;
    published()[next_number & 1] = id;
}

int fuzz_revive(struct fuzz_thread *me, l4_word victim)
{
    l4_thread_id old = fuzz_current_id(victim);
    struct fuzz_slot *slot = fuzz_slot(victim);
    if (old == fuzz_keeper() || old == me->myself || slot->stack_top == 0)
        return 0;
    if (fuzz_syscall(me, L4_SYSCALL_EXCHANGE_REGISTERS, old, 0, 0, 0).value[0] != L4_ERROR_NO_PARTNER)
        return 1; /* alive: a read of its registers was this step */
    /* A sibling that lives, found before the old thread goes: with none, deleting it could free the task. */
    l4_word beside = 0;
    for (; beside < fuzz_thread_count(); beside++) {
        if (beside != victim && fuzz_same_task(beside, victim)
            && fuzz_syscall(me, L4_SYSCALL_EXCHANGE_REGISTERS, fuzz_current_id(beside), 0, 0, 0).value[0] == 0)
            break;
    }
    if (beside == fuzz_thread_count())
        return 1;
    fuzz_syscall(me, L4_SYSCALL_THREAD_CONTROL, old, L4_NILTHREAD, 0, 0); /* stopped: delete it; gone: error 2 */
    l4_word version = l4_thread_version(old) + 1;
    l4_thread_id renewed = l4_thread_id_make(l4_thread_number(old), version > L4_THREAD_VERSION_MASK ? 1 : version);
    /* Fuzz tasks are paged by sigma0, as the root is. */
    if (fuzz_syscall(me, L4_SYSCALL_THREAD_CONTROL, renewed, fuzz_current_id(beside), l4_pager(), slot->utcb_address)
            .value[0] == 0)
        fuzz_syscall(me, L4_SYSCALL_EXCHANGE_REGISTERS, renewed, L4_EXREGS_SET_SP_IP | L4_EXREGS_RESUME,
                     slot->stack_top, (l4_word)fuzz_restart);
    return 1;
}

void fuzz_attack_task_churn(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    if (!me->privileged) {
        l4_thread_id id = published()[fuzz_below(r, 2)];
        if (id == L4_NILTHREAD)
            id = l4_thread_id_make(FIRST_CHURNED_NUMBER + fuzz_below(r, CHURNED), 1);
        if (fuzz_chance(r, 30))
            id = l4_thread_id_make(l4_thread_number(id), l4_thread_version(id) + 1);
        l4_set_mr(0, 0);
        if (fuzz_chance(r, 50))
            fuzz_ipc(me, id, fuzz_chance(r, 50) ? id : L4_NILTHREAD, l4_timeouts(fuzz_short_timeout(me), fuzz_short_timeout(me)),
                     L4_SND_DESC_NONE);
        else
            fuzz_syscall(me, L4_SYSCALL_EXCHANGE_REGISTERS, id, 0, 0, 0);
        return;
    }
    if (fuzz_chance(r, 20) && fuzz_revive(me, fuzz_below(r, fuzz_thread_count())))
        return;
    int place = free_place();
    if (place >= 0 && fuzz_chance(r, 55)) {
        create(me, place);
        return;
    }
    int victim = (int)fuzz_below(r, CHURNED);
    if (churned[victim] == L4_NILTHREAD) {
        fuzz_syscall(me, L4_SYSCALL_THREAD_CONTROL, published()[0], L4_NILTHREAD, 0, 0);
        return;
    }
    fuzz_syscall(me, L4_SYSCALL_THREAD_CONTROL, churned[victim], L4_NILTHREAD, 0, 0);
    churned[victim] = L4_NILTHREAD;
}
