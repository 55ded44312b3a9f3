/*
 * R1 Paths, with rules added by the redirection controller (ctl) at run time in mixed order:
 * destination-class first, then system, source, a second class for monitors already named
 * (each monitor once, in its earliest class), anythread sources and destinations. The path
 * of client -> sink is then mC, mD (source), mB, mA, mE (system); mA's and mC's destination
 * rules add nothing. client -> sink2 has mC as its destination monitor only, which releases
 * the client on receipt (M8). While the monitors hold message 0x102 one after the other, ctl
 * removes mE's anythread rule and mD's source rule and adds mE for client -> sink (system) and
 * mF (destination): each forward's rest of the path is made from the rules in force then, so
 * 0x102 passes mB, mA, mE and mF. Each monitor writes its letter into a per-source log in
 * shared memory when it receives; the sources check the log once their send completes.
 * Message 0x4 then waits at the M4 check for mF while mF still forwards 0x102: mF's forward of
 * the earlier message must not complete the client's send of 0x4 (M1, rules/m1_stale_forward).
 */
#include <l4.h>
#include "common/audit.h"
#include "common/expect.h"
#include "common/roles.h"
#include "common/timeline.h"

#define HOLD 0x100
#define LOG_SIZE 0x100
#define LOG_OF(source) ((volatile char *)0x50000000 + ((source) == l4_lookup("client") ? 0 : LOG_SIZE))

static l4_thread_id t(const char *name)
{
    return l4_lookup(name);
}

static void rule(l4_word op, int class, const char *source, const char *dest, const char *monitor)
{
    l4_thread_id s = source ? t(source) : L4_ANYTHREAD;
    l4_thread_id d = dest ? t(dest) : L4_ANYTHREAD;
    l4_word result = l4_redirect(op | (l4_word)class << 8, s, d, t(monitor));
    l4_printf("ctl: %s %s rule %s -> %s monitor %s: %u\n", op ? "remove" : "add",
              class == 0 ? "source" : class == 1 ? "system" : "destination", source ? source : "any",
              dest ? dest : "any", monitor, result);
}

static void ctl(void)
{
    sleep_until(10);
    rule(0, 2, "client", "sink", "mA");
    rule(0, 1, "client", "sink", "mB");
    rule(0, 0, "client", "sink", "mC");
    rule(0, 1, "client", "sink", "mA");
    rule(0, 0, 0, "sink", "mD");
    rule(0, 2, "client", 0, "mC");
    rule(0, 1, 0, "sink", "mE");
    sleep_until(5200); /* message 0x102 is held by mC */
    rule(1, 1, 0, "sink", "mE");
    rule(0, 2, "client", "sink", "mF");
    rule(0, 1, "client", "sink", "mE");
    rule(1, 0, 0, "sink", "mD");
}

static void monitor(void)
{
    char who[L4_NAME_SIZE];
    l4_name_of(l4_myself(), who);
    for (;;) {
        l4_ipc_result r = l4_wait();
        audit_received(who, "got", r);
        volatile char *log = LOG_OF(r.from);
        unsigned length = 0;
        while (log[length])
            length++;
        log[length] = who[1];
        struct audit_message kept;
        audit_save(&kept);
        if (l4_mr(0) >> 16 & HOLD)
            l4_sleep(500);
        audit_restore(&kept);
        l4_thread_id to = l4_utcb_word(L4_UTCB_INTENDED_RECEIVER);
        audit_sent(who, "forward", audit_send_option(to, 0, L4_OPTION_DECEIT, r.from, 0, 0, 0));
    }
}

static void sink(void)
{
    char who[L4_NAME_SIZE];
    l4_name_of(l4_myself(), who);
    for (;;)
        audit_received(who, "got", l4_wait());
}

/* path: the monitors that must have received the message when the send completes, or (lower
   case) 100 us later, for a destination monitor that releases the source as it receives (M8). */
static void send(const char *who, l4_word label, const char *to, const char *path)
{
    volatile char *log = LOG_OF(l4_myself());
    for (unsigned i = 0; i < LOG_SIZE; i++)
        log[i] = 0;
    l4_word words[2] = { 0x11110000 | label, 0x22220000 | label };
    l4_load_message(label, 2, words);
    l4_u64 start = now_us();
    l4_ipc_result r = l4_send(t(to));
    l4_printf("%s: send 0x%x to %s: dope 0x%x, from %s, held %s\n", who, label, to, r.dope,
              audit_name(r.from), now_us() - start >= 500 ? "yes" : "no");
    if (path[0] >= 'a' && path[0] <= 'z')
        l4_sleep(100);
    char seen[LOG_SIZE];
    for (unsigned i = 0; i < LOG_SIZE; i++)
        seen[i] = log[i];
    seen[LOG_SIZE - 1] = 0;
    for (unsigned i = 0; seen[i]; i++)
        seen[i] = path[0] >= 'a' && path[0] <= 'z' ? (char)(seen[i] | 0x20) : seen[i];
    char what[64];
    l4_snprintf(what, sizeof what, "R1 %s: monitors of 0x%x when its send completes", who, label);
    expect_text(what, seen, path);
}

static void client(void)
{
    sleep_until(100);
    send("client", 0x1, "sink", "CDBAE");
    sleep_until(3000);
    send("client", 0x103, "sink2", "c");
    sleep_until(5000);
    send("client", 0x102, "sink", "CBAEF");
    send("client", 0x4, "sink", "CBAEF");
    sleep_until(14000);
    finish("R1");
}

static void client2(void)
{
    sleep_until(1500);
    send("client2", 0x5, "sink", "DE");
    sleep_until(12000);
    send("client2", 0x6, "sink", ""); /* a mismatch prints "  expected ..." (the case's absent line) */
}

static const struct role roles[] = {
    { "ctl", ctl },         { "client", client }, { "client2", client2 }, { "mA", monitor },
    { "mB", monitor },      { "mC", monitor },    { "mD", monitor },      { "mE", monitor },
    { "mF", monitor },      { "sink", sink },     { "sink2", sink },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
