/*
 * Stale thread IDs (S2, S6, R1, M9): `ctl` (privileged) deletes a thread and creates its number
 * again with version 2; nothing that names the old ID may reach the new thread.
 *  A ctl.victim calls ctl and is deleted in its receive phase; the new thread (same number,
 *    version 2) waits openly. The reply to the old ID, a send and a closed wait on it are error 2;
 *    exchange_registers and a second deletion of the old ID are error 2. A rule naming the dead
 *    victim as monitor fails ctl's send with 2 (fail-closed), is not removed by the new ID (9),
 *    cannot be added again for the old ID (2), and is removed by the old ID (0).
 *  B a thread whose Pager word names the old ID faults, one whose ExceptionHandler word does
 *    raises an exception: neither fault reaches the new thread (both are left unresolved).
 *  C a monitor holds an IPC of source X v1, which is deleted; X v2 waits in a send to ctl: the
 *    monitor's options 1 and 3 to either ID are refused (X v2 is no blocked source of its path),
 *    and X v2's send completes normally when ctl receives it.
 *  D the boot info page still lists the victim with version 1.
 * The new thread receives exactly one message: ctl's, sent to its own ID at the end.
 */
#include <l4.h>
#include "common/scenario.h"

#define STACK_WORDS 512
#define STACKS 6
#define UTCB(n) (L4_UTCB_AREA + (n) * L4_UTCB_SIZE)
#define FAULTER 400
#define EXCEPTER 401
#define HOLDER 402
#define XNUM 403
#define UNMAPPED 0x50000000u
#define LABEL 0x42
#define FINAL_LABEL 0x77
#define SHORT_US 1000

static l4_word stacks[STACKS][STACK_WORDS] __attribute__((aligned(16)));
static volatile l4_word new_received, new_last_label, new_last_from;
static volatile l4_word faulter_ran, excepter_ran, holder_go, holder_done;
static volatile l4_word held_from, opt3_old, opt1_old, opt3_new, opt1_new, x2_dope;
static l4_thread_id ctl_id, victim_v1, victim_v2, x_v1, x_v2;

static l4_word top(int i) { return (l4_word)&stacks[i][STACK_WORDS - 4]; }

static l4_word start(l4_thread_id id, int stack, void (*entry)(void))
{
    return l4_exchange_registers(id, L4_EXREGS_SET_SP_IP | L4_EXREGS_RESUME, top(stack), (l4_word)entry).result;
}

L4_THREAD_ENTRY void victim_main(void)
{
    l4_load_message(LABEL, 0, 0);
    l4_call(l4_lookup("ctl"));
    l4_printf("victim: returned from its call (must not happen)\n");
    l4_sleep_forever();
}

/* The victim's number, version 2: counts what it receives. */
L4_THREAD_ENTRY void new_thread(void)
{
    for (;;) {
        l4_ipc_result r = l4_wait();
        new_received++;
        new_last_label = l4_msg_tag_label(l4_msg_tag_current());
        new_last_from = r.from;
    }
}

L4_THREAD_ENTRY void faulter(void)
{
    (void)*(volatile l4_word *)UNMAPPED;
    faulter_ran = 1;
    l4_sleep_forever();
}

L4_THREAD_ENTRY void excepter(void)
{
    l4_set_exception_handler(victim_v1);
    __builtin_trap();
    excepter_ran = 1;
    l4_sleep_forever();
}

static l4_word option_to(l4_thread_id to, enum l4_option option)
{
    static struct l4_ipc_params none __attribute__((aligned(16)));
    l4_set_mr(0, l4_msg_tag_make(0, 1, 0));
    l4_set_mr(1, 0x99);
    return l4_ipc_error(l4_ipc(to, L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_ZERO, L4_TIMEOUT_NEVER),
                               l4_snd_desc_option(option, &none)));
}

L4_THREAD_ENTRY void holder(void)
{
    l4_ipc_result r = l4_wait();
    held_from = r.from;
    while (!holder_go)
        l4_sleep(10);
    opt3_old = option_to(x_v1, L4_OPTION_UNBLOCKING);
    opt1_old = option_to(x_v1, L4_OPTION_ERROR);
    opt3_new = option_to(x_v2, L4_OPTION_UNBLOCKING);
    opt1_new = option_to(x_v2, L4_OPTION_ERROR);
    holder_done = 1;
    l4_sleep_forever();
}

L4_THREAD_ENTRY void send_to_dst(void)
{
    l4_load_message(LABEL, 0, 0);
    l4_send(l4_lookup("dst"));
    l4_sleep_forever();
}

L4_THREAD_ENTRY void send_to_ctl(void)
{
    l4_load_message(LABEL + 1, 0, 0);
    x2_dope = l4_send(ctl_id).dope;
    l4_sleep_forever();
}

static void dst(void)
{
    for (;;) {
        char name[L4_NAME_SIZE];
        l4_ipc_result r = l4_wait();
        l4_printf("dst: label 0x%x from %s\n", (unsigned)l4_msg_tag_label(l4_msg_tag_current()),
                  l4_name_of(r.from, name));
    }
}

static l4_word redirect(l4_word op, l4_thread_id monitor)
{
    return l4_redirect(op, ctl_id, l4_lookup("dst"), monitor);
}

static void ctl(void)
{
    ctl_id = l4_myself();
    victim_v1 = l4_lookup("ctl.victim");
    victim_v2 = l4_thread_id_make(l4_thread_number(victim_v1), 2);
    l4_thread_id dst_id = l4_lookup("dst");
    char what[120];

    /* A */
    expect_ipc("S2 the victim's call arrives", untimed(l4_wait()), succeeds(unmeasured()));
    expect_value("R1 rule with the victim as system monitor, result",
                 redirect(L4_REDIRECT_ADD | L4_MONITOR_CLASS_SYSTEM, victim_v1), 0);
    expect_value("S2 delete the victim, result", l4_thread_control(victim_v1, L4_NILTHREAD, 0, 0), 0);
    expect_value("S2 its number again, version 2, result", l4_thread_control(victim_v2, ctl_id, ctl_id, UTCB(8)), 0);
    expect_value("S2 start version 2, result", start(victim_v2, 0, new_thread), 0);
    l4_sleep(100);
    l4_load_message(LABEL, 0, 0);
    expect_ipc("S2 reply to the old ID", untimed(l4_reply(victim_v1)), fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, at_once()));
    expect_ipc("S2 send to the old ID", untimed(l4_send_timeout(victim_v1, l4_timeout_us(SHORT_US))),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, at_once()));
    expect_ipc("S2 call to the old ID", untimed(l4_call_timeouts(victim_v1, l4_timeout_us(SHORT_US), l4_timeout_us(SHORT_US))),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, at_once()));
    expect_ipc("S2 closed wait on the old ID", untimed(l4_receive_timeout(victim_v1, l4_timeout_us(SHORT_US))),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_RECEIVE, at_once()));
    expect_value("ABI exchange_registers on the old ID, result", l4_exchange_registers(victim_v1, 0, 0, 0).result,
                 L4_ERROR_NO_PARTNER);
    expect_value("ABI delete the old ID again, result", l4_thread_control(victim_v1, L4_NILTHREAD, 0, 0),
                 L4_ERROR_NO_PARTNER);
    expect_value("ABI exchange_registers on the new ID, result", l4_exchange_registers(victim_v2, 0, 0, 0).result, 0);
    l4_load_message(LABEL, 0, 0);
    expect_ipc("R1 send to dst through the dead monitor (old ID)", untimed(l4_send_timeout(dst_id, l4_timeout_us(SHORT_US))),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, at_once()));
    expect_value("R1 remove the rule by the new ID, result", redirect(L4_REDIRECT_REMOVE, victim_v2),
                 L4_ERROR_INVALID_ARGUMENT);
    expect_value("R1 add a rule naming the old ID, result",
                 redirect(L4_REDIRECT_ADD | L4_MONITOR_CLASS_SYSTEM, victim_v1), L4_ERROR_NO_PARTNER);
    expect_value("R1 remove the rule by the old ID, result", redirect(L4_REDIRECT_REMOVE, victim_v1), 0);
    l4_load_message(LABEL, 0, 0);
    expect_ipc("R1 send to dst with the rule gone", untimed(l4_send_timeout(dst_id, l4_timeout_us(SHORT_US))),
               succeeds(unmeasured()));

    /* B */
    l4_thread_id f = l4_thread_id_make(FAULTER, 1), e = l4_thread_id_make(EXCEPTER, 1);
    expect_value("S6 a thread whose pager is the old ID, result", l4_thread_control(f, ctl_id, victim_v1, UTCB(9)), 0);
    expect_value("S6 start it, result", start(f, 1, faulter), 0);
    expect_value("S6 a thread that names the old ID as exception handler, result",
                 l4_thread_control(e, ctl_id, ctl_id, UTCB(10)), 0);
    expect_value("S6 start it, result", start(e, 2, excepter), 0);
    l4_sleep(200);
    expect_value("S6 the faulting threads went on (must not)", faulter_ran + excepter_ran, 0);

    /* C */
    l4_thread_id h = l4_thread_id_make(HOLDER, 1);
    x_v1 = l4_thread_id_make(XNUM, 1);
    x_v2 = l4_thread_id_make(XNUM, 2);
    expect_value("M9 create the monitor, result", l4_thread_control(h, ctl_id, ctl_id, UTCB(11)), 0);
    expect_value("M9 start it, result", start(h, 3, holder), 0);
    expect_value("M9 rule source ctl, dest dst, monitor holder, result",
                 redirect(L4_REDIRECT_ADD | L4_MONITOR_CLASS_SYSTEM, h), 0);
    expect_value("M9 create X version 1, result", l4_thread_control(x_v1, ctl_id, ctl_id, UTCB(12)), 0);
    expect_value("M9 start it, result", start(x_v1, 4, send_to_dst), 0);
    l4_sleep(100);
    expect_hex("M9 the monitor holds X v1's IPC, from", held_from, x_v1);
    expect_value("M9 delete X v1, result", l4_thread_control(x_v1, L4_NILTHREAD, 0, 0), 0);
    expect_value("M9 create X version 2, result", l4_thread_control(x_v2, ctl_id, ctl_id, UTCB(12)), 0);
    expect_value("M9 start it, result", start(x_v2, 5, send_to_ctl), 0);
    l4_sleep(100);
    holder_go = 1;
    l4_sleep(200);
    expect_value("M9 the monitor is done", holder_done, 1);
    expect_value("M9 option 3 to the old ID, error", opt3_old, L4_ERROR_NOT_PERMITTED);
    expect_value("M9 option 1 to the old ID, error", opt1_old, L4_ERROR_NOT_PERMITTED);
    expect_value("M9 option 3 to X v2 (blocked, not on the path), error", opt3_new, L4_ERROR_NOT_PERMITTED);
    expect_value("M9 option 1 to X v2, error", opt1_new, L4_ERROR_NOT_PERMITTED);
    expect_value("M9 X v2 still waits in its send", x2_dope, 0xFFFFFFFFu);
    expect_ipc("M9 ctl receives X v2's send", untimed(l4_receive_timeout(x_v2, l4_timeout_us(SHORT_US))),
               succeeds(at_once()));
    expect_value("M9 label", l4_msg_tag_label(l4_msg_tag_current()), LABEL + 1);
    l4_sleep(50);
    expect_hex("M9 X v2's send completed, dope", x2_dope, 0);

    /* D */
    const struct l4_bootinfo_entry *entry = l4_bootinfo_find_name("ctl.victim");
    expect_yes("ABI boot info still lists ctl.victim", entry != 0);
    if (entry)
        expect_hex("ABI its ID there (version 1)", entry->id, victim_v1);
    expect_value("ABI boot info entries", l4_bootinfo()->entry_count, 3);

    expect_value("S2 the new thread received nothing meant for the old ID", new_received, 0);
    l4_load_message(FINAL_LABEL, 0, 0);
    expect_ipc("S2 send to the new ID", untimed(l4_send_timeout(victim_v2, l4_timeout_us(SHORT_US))), succeeds(at_once()));
    l4_sleep(20);
    l4_snprintf(what, sizeof what, "S2 the new thread got label 0x%x from ctl", FINAL_LABEL);
    expect_yes(what, new_received == 1 && new_last_label == FINAL_LABEL && new_last_from == ctl_id);
    finish("S2 stale thread IDs");
}

static const struct role roles[] = { { "ctl", ctl }, { "dst", dst } };

int main(void)
{
    x2_dope = 0xFFFFFFFFu;
    PLAY_MY_ROLE(roles);
}
