/*
 * Isolation holes for the rule checker (docs/checker.md): each system of chk_*.xml drives the
 * kernel into one spot where it broke a rule guests rely on, and prints one line per outcome
 * as the guests see it. On a kernel with the hole the rule checker reports it; on a fixed one
 * the run and its trace are clean. tools/.../check/HoleScenariosTest compares the two views.
 *
 *   chk_window    S5: the receiver's window (BR0) is not a valid fpage when a page is mapped to it
 *   chk_rewrite   S5: a sibling rewrites a blocked sender's MR0 to u = 63, t = 62 before transfer
 *   chk_deceit    R3: a monitor forwards with option 5 naming an unrelated task as true source
 *   chk_fault     S6/P1: page-fault IPC past an allow rule, and past a monitor on its path
 *   chk_bootinfo  S5: a map item aimed at the receiver's boot info page and at its UTCB page
 *   chk_nil       ABI: ipc(nilthread, nilthread) returns at once with dope 0
 */
#include <l4.h>
#include "common/monitor.h"
#include "common/roles.h"

#define REGION 0x40000000u
#define UNBACKED 0x48000000u
#define BOOT_INFO 0xBFFF0000u
#define UTCB_AREA 0xBFF00000u
#define PATIENCE_US 5000
#define BLOCKED_BY_US 300

static void say(const char *system, const char *what, l4_ipc_result result)
{
    char text[L4_DOPE_TEXT_SIZE];
    l4_printf("chk %s: %s: %s\n", system, what, l4_ipc_failed(result) ? l4_describe_dope(result.dope, text)
                                                                         : "no error");
}

static l4_thread_id peer(const char *name)
{
    return l4_lookup(name);
}

/* --- chk_window: a map item sent to a receiver whose BR0 is not aligned to its size. */

static void window_receiver(void)
{
    l4_set_receive_window(l4_fpage_make(REGION + 0x400, 12, 0)); /* a page-sized window off a page boundary */
    say("window", "receiver", l4_receive_timeout(peer("wsender"), l4_timeout_us(PATIENCE_US)));
}

static void window_sender(void)
{
    *(volatile l4_word *)REGION = 0x600d;
    l4_sleep(BLOCKED_BY_US);
    l4_load_item_message(0x10, L4_ITEM_MAP, 0, l4_fpage_page(REGION, L4_RIGHTS_R));
    say("window", "sender", l4_send_timeout(peer("wreceiver"), l4_timeout_us(PATIENCE_US)));
}

/* --- chk_rewrite: the sender waits in its send phase while its sibling rewrites its MR0. */

static volatile l4_word *sender_utcb;

static void rewrite_sender(void)
{
    sender_utcb = (volatile l4_word *)&l4_arch_utcb()[0];
    l4_word word = 0x77;
    l4_load_message(0x77, 1, &word);
    say("rewrite", "sender", l4_send_timeout(peer("rwreceiver"), l4_timeout_us(PATIENCE_US)));
}

L4_THREAD_ENTRY void rewrite_sibling_main(void)
{
    l4_sleep(BLOCKED_BY_US);
    sender_utcb[0] = l4_msg_tag_make(0x77, 63, 62);
    l4_exit_thread();
}

static void rewrite_receiver(void)
{
    l4_sleep(2 * BLOCKED_BY_US);
    l4_thread_id me = l4_myself();
    say("rewrite", "receiver", l4_receive_timeout(peer("rewriter"), l4_timeout_us(PATIENCE_US)));
    l4_printf("chk rewrite: receiver's MyGlobalId %s\n", l4_myself() == me ? "intact" : "overwritten");
}

/* --- chk_deceit: mon holds client's send and forwards it as bystander's, naming client blocked. */

static void deceit_client(void)
{
    l4_word word = 0x31;
    l4_load_message(0x31, 1, &word);
    say("deceit", "client", l4_send_timeout(peer("server"), l4_timeout_us(PATIENCE_US)));
}

static void deceit_server(void)
{
    l4_ipc_result got = l4_wait_timeout(l4_timeout_us(PATIENCE_US));
    char name[L4_NAME_SIZE];
    l4_printf("chk deceit: server received from %s\n", l4_ipc_failed(got) ? "nobody" : l4_name_of(got.from, name));
}

static void deceit_monitor(void)
{
    struct intercepted held;
    monitor_wait(&held);
    struct forwarding claim = { .option = L4_OPTION_DECEIT_BLOCKED_SOURCE, .true_source = peer("bystander"),
                                .blocked_source = held.received.from };
    l4_ipc_result claimed = forward(&held, held.intended_receiver, claim);
    say("deceit", "forward as bystander", claimed);
    if (l4_ipc_failed(claimed))
        say("deceit", "forward as client", forward(&held, held.intended_receiver, deceit()));
}

static void deceit_bystander(void)
{
    l4_sleep(PATIENCE_US);
}

/* --- chk_fault: faulter's pager is outside its allow rules; faulter2's fault goes through fmon. */

static void fault_pager(void)
{
    *(volatile l4_word *)REGION = 0xfa11;
    for (;;) {
        l4_ipc_result got = l4_wait_timeout(l4_timeout_us(PATIENCE_US));
        if (l4_ipc_failed(got))
            return;
        char name[L4_NAME_SIZE];
        l4_printf("chk fault: pager got a fault of %s\n", l4_name_of(got.from, name));
        l4_load_item_message(0, L4_ITEM_MAP, UNBACKED, l4_fpage_page(REGION, L4_RIGHTS_R));
        l4_reply(got.from);
    }
}

static void faulter(void)
{
    l4_word word = *(volatile l4_word *)UNBACKED;
    char name[L4_NAME_SIZE];
    l4_printf("chk fault: %s resumed and read 0x%x\n", l4_name_of(l4_myself(), name), word);
}

/* Passes each fault it holds on to its pager as the faulting thread's (option 4). */
static void fault_monitor(void)
{
    static struct l4_ipc_params params;
    for (;;) {
        l4_ipc_result got = l4_wait_timeout(l4_timeout_us(PATIENCE_US));
        if (l4_ipc_failed(got))
            return;
        params = (struct l4_ipc_params){ .true_source = got.from };
        l4_ipc_result passed = l4_ipc(l4_intended_receiver(), L4_NILTHREAD, 0,
                                      l4_snd_desc_option(L4_OPTION_DECEIT, &params));
        char name[L4_NAME_SIZE];
        l4_printf("chk fault: fmon held the fault of %s\n", l4_name_of(got.from, name));
        say("fault", "fmon passes it on", passed);
    }
}

/* --- chk_bootinfo: items aimed at the boot info page and at a UTCB page of the receiver. */

static void bootinfo_target(void)
{
    l4_thread_id mapper = peer("mapper"); /* before anything can land on the boot info page */
    l4_set_receive_window(l4_fpage_complete(L4_RIGHTS_RWX));
    say("bootinfo", "target", l4_receive_timeout(mapper, l4_timeout_us(PATIENCE_US)));
    say("bootinfo", "target", l4_receive_timeout(mapper, l4_timeout_us(PATIENCE_US)));
    volatile struct l4_bootinfo *info = (volatile struct l4_bootinfo *)BOOT_INFO;
    l4_printf("chk bootinfo: boot info magic %s\n", info->magic == L4_BOOTINFO_MAGIC ? "intact" : "replaced");
}

static void bootinfo_mapper(void)
{
    *(volatile l4_word *)REGION = 0xbad;
    l4_sleep(BLOCKED_BY_US);
    l4_load_item_message(0x20, L4_ITEM_MAP, BOOT_INFO, l4_fpage_page(REGION, L4_RIGHTS_R));
    say("bootinfo", "map onto the boot info page", l4_send_timeout(peer("target"), l4_timeout_us(PATIENCE_US)));
    l4_load_item_message(0x21, L4_ITEM_MAP, UTCB_AREA, l4_fpage_page(REGION, L4_RIGHTS_R));
    say("bootinfo", "map onto a UTCB page", l4_send_timeout(peer("target"), l4_timeout_us(PATIENCE_US)));
}

/* --- chk_nil: neither phase. */

static void nil_ipc(void)
{
    say("nil", "ipc(nilthread, nilthread)", l4_ipc(L4_NILTHREAD, L4_NILTHREAD, 0, L4_SND_DESC_NONE));
}

static const struct role roles[] = {
    { "wreceiver", window_receiver }, { "wsender", window_sender },
    { "rewriter", rewrite_sender }, { "rwreceiver", rewrite_receiver },
    { "client", deceit_client }, { "server", deceit_server }, { "mon", deceit_monitor },
    { "bystander", deceit_bystander },
    { "pager", fault_pager }, { "faulter", faulter }, { "faulter2", faulter }, { "fmon", fault_monitor },
    { "allowed", deceit_bystander },
    { "target", bootinfo_target }, { "mapper", bootinfo_mapper },
    { "nil", nil_ipc },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
