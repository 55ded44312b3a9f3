/*
 * R3 Deceit with a named blocked source (options 5 and 7): the forwarder must be on the path of
 * an IPC from the true source it claims (a redirection rule whose source matches it names the
 * forwarder), whatever blocked source it names; and the blocked source must be a thread blocked
 * in an IPC whose path holds the forwarder. Otherwise error 6, and nobody receives anything.
 *
 * Roles: `client` calls `server` through the system monitor `sysmon`. `other` sends to `sink`
 * through `othermon`, which holds it. `bystander` is in no IPC. sysmon tries every forgery,
 * then forwards honestly; `server` reports what it received to sysmon, which judges.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/monitor.h"
#include "common/timeline.h"

#define CLIENT_LABEL 0x31
#define CLIENT_CALLS_AT_US 200

static l4_thread_id id_of(const char *name)
{
    return l4_lookup(name);
}

static void client(void)
{
    sleep_until(CLIENT_CALLS_AT_US);
    l4_set_mr(0, l4_msg_tag_make(CLIENT_LABEL, 1, 0));
    l4_set_mr(1, 7);
    print_result("R3 client", "call to server through sysmon", l4_call(id_of("server")));
}

static void other(void)
{
    l4_set_mr(0, l4_msg_tag_make(0x41, 0, 0));
    l4_send(id_of("sink"));
}

static void othermon(void)
{
    struct intercepted held;
    monitor_wait(&held); /* holds other's IPC for good */
    l4_sleep_forever();
}

static void idle(void)
{
    l4_sleep_forever();
}

static void server(void)
{
    l4_ipc_result got = l4_wait();
    char name[L4_NAME_SIZE];
    l4_printf("R3 server: first message: label 0x%x from %s, dope 0x%x\n", l4_msg_tag_label(l4_mr(0)),
              l4_name_of(got.from, name), got.dope);
    int honest = got.from == id_of("client") && l4_msg_tag_label(l4_mr(0)) == CLIENT_LABEL;
    l4_set_mr(0, l4_msg_tag_make(0, 0, 0));
    l4_reply(got.from);
    l4_set_mr(0, l4_msg_tag_make(0x99, 1, 0));
    l4_set_mr(1, honest);
    l4_send(id_of("sysmon"));
}

struct forgery {
    const char *what;
    enum l4_option option;
    const char *true_source;
    const char *blocked_source;
};

static void sysmon(void)
{
    struct intercepted message;
    monitor_wait(&message);
    static const struct forgery forgeries[] = {
        { "option 5, claiming bystander as true source, client as blocked source", 5, "bystander", "client" },
        { "option 7, claiming bystander as true source, client as blocked source", 7, "bystander", "client" },
        { "option 4, claiming bystander as true source", 4, "bystander", 0 },
        { "option 5, claiming other (held by othermon) as true source, client as blocked source", 5, "other",
          "client" },
        { "option 5, client as true source, bystander (in no IPC) as blocked source", 5, "client", "bystander" },
        { "option 5, client as true source, other (blocked in an IPC othermon holds) as blocked source", 5,
          "client", "other" },
        { "option 7, client as true source, other as blocked source", 7, "client", "other" },
    };
    char what[160];
    for (l4_word i = 0; i < sizeof forgeries / sizeof forgeries[0]; i++) {
        struct forwarding how = { .option = forgeries[i].option,
                                  .true_source = id_of(forgeries[i].true_source),
                                  .blocked_source = forgeries[i].blocked_source ? id_of(forgeries[i].blocked_source)
                                                                                : L4_NILTHREAD,
                                  .controlling_monitor = l4_myself(),
                                  .send_timeout = L4_TIMEOUT_NEVER };
        l4_snprintf(what, sizeof what, "R3 sysmon forwards to server with %s", forgeries[i].what);
        expect_ipc(what, untimed(forward(&message, id_of("server"), how)),
                   fails(L4_ERROR_NOT_PERMITTED, L4_PHASE_SEND, unmeasured()));
    }
    struct forwarding honest = { .option = L4_OPTION_DECEIT_BLOCKED_SOURCE, .true_source = id_of("client"),
                                 .blocked_source = id_of("client"), .send_timeout = L4_TIMEOUT_NEVER };
    expect_ipc("R3 sysmon forwards to server with option 5, client as true and blocked source",
               untimed(forward(&message, id_of("server"), honest)), succeeds(unmeasured()));
    l4_receive_timeout(id_of("server"), l4_timeout_us(PATIENT_US));
    expect_yes("R3 the server's first message is the client's, from the client", l4_mr(1) == 1);
    finish("R3");
}

static const struct role roles[] = {
    { "client", client }, { "server", server },       { "sysmon", sysmon },  { "other", other },
    { "othermon", othermon }, { "bystander", idle }, { "sink", idle },
};

void main(void)
{
    PLAY_MY_ROLE(roles);
}
