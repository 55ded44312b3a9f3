#include "fuzz_oracle.h"
#include <l4/fault.h>

#define PROBE_TIMEOUTS 0x04000000u /* zero send timeout, no receive phase */

void fuzz_report(enum fuzz_oracle broken)
{
    l4_kdebug_breakpoint(FUZZ_ORACLE_MAGIC | (l4_word)broken);
}

static void check_boot_info(struct fuzz_thread *me)
{
    const struct l4_bootinfo *info = l4_bootinfo();
    if (info->magic != L4_BOOTINFO_MAGIC || info->entry_count != me->bootinfo_entries)
        fuzz_report(FUZZ_ORACLE_BOOT_INFO_REPLACED);
}

/* S6 and P1 for fault messages (one reaches its handler directly only where the faulting thread's
   task may send) are not judged here but by the rule checker, which sees the kernel's events: a
   monitor's deceiving forward looks to the handler exactly like the direct send (R4), and this
   system's monitors forward to new destinations too (a system monitor may forward anywhere, R3),
   so no receiver can tell a permitted delivery from a leak. */
void fuzz_check_received(struct fuzz_thread *me)
{
    if (l4_myself() != me->myself)
        fuzz_report(FUZZ_ORACLE_MY_GLOBAL_ID);
    check_boot_info(me);
}

void fuzz_check_boot_info_mapped(struct fuzz_thread *me)
{
    /* The kernel reads a parameter block without faulting: error 9 when nothing readable is there.
       An empty message to itself with a zero timeout can only time out otherwise, unless a rule
       makes it wait for a monitor (M4) and a sibling rewrites its tag meanwhile: then the message
       is invalid at transfer (S5), error 9 too, and MR0 no longer holds the empty tag. */
    l4_set_mr(0, 0);
    l4_ipc_result probe = l4_ipc(me->myself, L4_NILTHREAD, PROBE_TIMEOUTS, L4_BOOTINFO_ADDRESS);
    if (l4_dope_error(probe.dope) == L4_ERROR_INVALID_ARGUMENT && l4_mr(0) == 0)
        fuzz_report(FUZZ_ORACLE_BOOT_INFO_GONE);
    check_boot_info(me);
}

void fuzz_check_no_phase(l4_ipc_result result)
{
    if (result.dope != 0)
        fuzz_report(FUZZ_ORACLE_NO_PHASE);
}

/* Whether a rule of the description names `monitor` for `source`, or a rule of the root's ever named it. */
static int maybe_related(l4_thread_id monitor, l4_thread_id source)
{
    return fuzz_is_static_monitor_for(monitor, source) || fuzz_board()->ever_named[fuzz_index_of(monitor)];
}

l4_word fuzz_deceit_judgeable(struct fuzz_thread *me, l4_thread_id true_source)
{
    struct fuzz_board *board = fuzz_board();
    l4_word generation = board->generation;
    if (generation & 1 || fuzz_task_of(true_source) < 0 || fuzz_index_of(me->myself) == FUZZ_MAX_THREADS
        || fuzz_current_id(fuzz_index_of(true_source)) != true_source || maybe_related(me->myself, true_source))
        return 0;
    return generation | 1u << 31; /* never 0, and the generation to compare after the call */
}

void fuzz_check_deceit(l4_word judgeable, l4_ipc_result result)
{
    if (judgeable == 0 || (fuzz_board()->generation | 1u << 31) != judgeable)
        return;
    l4_word error = l4_dope_error(result.dope);
    if (error != L4_ERROR_NOT_PERMITTED && error != L4_ERROR_NO_PARTNER && error != L4_ERROR_INVALID_ARGUMENT)
        fuzz_report(FUZZ_ORACLE_UNRELATED_DECEIT);
}
