#include "fuzz_monitor.h"
#include "fuzz_arguments.h"
#include "fuzz_calls.h"
#include "fuzz_oracle.h"
#include <l4/fault.h>

void fuzz_keep(struct fuzz_thread *me, l4_ipc_result received)
{
    me->last_from = received.from;
    me->last_tag = l4_mr(0);
    if (!l4_dope_redirected(received.dope) && !l4_dope_option_received(received.dope))
        return;
    me->kept.valid = 1;
    me->kept.from = received.from;
    me->kept.dope = received.dope;
    if (l4_dope_redirected(received.dope)) {
        me->kept.intended_receiver = l4_intended_receiver();
        me->kept.blocked_source = l4_blocked_source();
        me->kept.controlling_monitor = l4_controlling_monitor();
        me->kept.delay_us = l4_delay_timeout_remaining();
    } else { /* a controller notification: MR1 names the blocked source (M6) */
        me->kept.intended_receiver = l4_mr(3);
        me->kept.blocked_source = l4_mr(1);
        me->kept.controlling_monitor = me->myself;
        me->kept.delay_us = 0;
    }
}

static void params_for(struct fuzz_thread *me, l4_thread_id true_source)
{
    struct fuzz_random *r = &me->random;
    fuzz_params.true_source = true_source;
    fuzz_params.blocked_source = me->kept.blocked_source;
    fuzz_params.controlling_monitor = fuzz_chance(r, 80) ? me->myself : me->kept.controlling_monitor;
    fuzz_params.delay_timeout_us = fuzz_chance(r, 70) ? 0 : fuzz_below(r, 2000);
}

/* A deceit forward with the parameter block as it is; the deceit oracle judges it where it can. */
static void forward_with_params(struct fuzz_thread *me, enum l4_option option, l4_thread_id to)
{
    l4_word judgeable = to == L4_NILTHREAD ? 0 : fuzz_deceit_judgeable(me, fuzz_params.true_source);
    l4_ipc_result result = fuzz_ipc(me, to, L4_NILTHREAD, l4_timeouts(fuzz_timeout(me), 0),
                                    l4_snd_desc_option(option, &fuzz_params));
    fuzz_check_deceit(judgeable, result);
}

static void forward(struct fuzz_thread *me, enum l4_option option, l4_thread_id to)
{
    params_for(me, me->kept.from);
    forward_with_params(me, option, to);
}

static void send_option(struct fuzz_thread *me, enum l4_option option, l4_thread_id to, l4_word mr1)
{
    l4_set_mr(0, l4_msg_tag_make(0, 1, 0));
    l4_set_mr(1, mr1);
    fuzz_ipc(me, to, L4_NILTHREAD, l4_timeouts(fuzz_timeout(me), 0), l4_snd_desc_option(option, 0));
}

void fuzz_monitor_act(struct fuzz_thread *me)
{
    static const l4_word weights[] = { 30, 8, 8, 8, 10, 12, 10, 8, 6 };
    struct fuzz_random *r = &me->random;
    struct fuzz_kept *kept = &me->kept;
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0: forward(me, L4_OPTION_DECEIT, kept->intended_receiver); break;
    case 1: forward(me, L4_OPTION_DECEIT_BLOCKED_SOURCE, kept->intended_receiver); break;
    case 2: forward(me, L4_OPTION_DECEIT_CONTROLLING_MONITOR, kept->intended_receiver); break;
    case 3: forward(me, L4_OPTION_DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR, kept->intended_receiver); break;
    case 4: forward(me, 4 + fuzz_below(r, 4), fuzz_thread_id(me)); break; /* a change of destination (R5) */
    case 5: send_option(me, L4_OPTION_ERROR, kept->blocked_source, fuzz_next(r)); break;
    case 6: send_option(me, L4_OPTION_UNBLOCKING, kept->blocked_source, 0); break;
    case 7: send_option(me, L4_OPTION_NOTIFICATION, fuzz_thread_id(me), kept->blocked_source); break;
    default: break; /* a monitor that never forwards */
    }
    if (fuzz_chance(r, 70)) /* else forward it once more (R3 allows several forwards) */
        kept->valid = 0;
}

/* The class monitor-forward: deceit with true and blocked sources of unrelated threads, other
   options aimed anywhere, and parameter blocks of noise, whether or not a message was kept. */
void fuzz_attack_monitor_forward(struct fuzz_thread *me)
{
    struct fuzz_random *r = &me->random;
    static const l4_word weights[] = { 60, 15, 10, 15 };
    switch (FUZZ_WEIGHTED(r, weights)) {
    case 0:
        fuzz_params.true_source = fuzz_chance(r, 50) ? fuzz_known_thread(me) : fuzz_chance(r, 50) ? me->last_from
                                                                                              : fuzz_thread_id(me);
        fuzz_params.blocked_source = fuzz_chance(r, 50) && me->kept.valid ? me->kept.blocked_source : fuzz_thread_id(me);
        fuzz_params.controlling_monitor = fuzz_chance(r, 60) ? me->myself : fuzz_thread_id(me);
        fuzz_params.delay_timeout_us = fuzz_chance(r, 70) ? 0 : fuzz_below(r, 2000);
        forward_with_params(me, L4_OPTION_DECEIT + fuzz_below(r, 4),
                            me->kept.valid && fuzz_chance(r, 30) ? me->kept.intended_receiver : fuzz_known_thread(me));
        return;
    case 1:
        send_option(me, fuzz_chance(r, 40) ? L4_OPTION_ERROR : fuzz_chance(r, 60) ? L4_OPTION_UNBLOCKING
                                                                                 : L4_OPTION_NOTIFICATION,
                    fuzz_thread_id(me), fuzz_thread_id(me));
        return;
    case 2:
        fuzz_params.true_source = fuzz_thread_id(me);
        fuzz_params.delay_timeout_us = fuzz_below(r, 3000);
        fuzz_ipc(me, fuzz_thread_id(me), fuzz_chance(r, 50) ? L4_NILTHREAD : L4_ANYTHREAD,
                 l4_timeouts(fuzz_short_timeout(me), fuzz_short_timeout(me)), l4_snd_desc_option(L4_OPTION_UNRELIABLE, &fuzz_params));
        return;
    default:
        fuzz_params.true_source = fuzz_next(r);
        fuzz_params.blocked_source = fuzz_next(r);
        fuzz_params.controlling_monitor = fuzz_next(r);
        fuzz_params.delay_timeout_us = fuzz_next(r);
        fuzz_ipc(me, fuzz_thread_id(me), L4_NILTHREAD, l4_timeouts(fuzz_short_timeout(me), 0),
                 (l4_word)&fuzz_params | 1u | fuzz_below(r, 8) << 1);
        return;
    }
}
