#include "audit.h"

const char *audit_name(l4_thread_id id)
{
    static char names[4][L4_NAME_SIZE];
    static unsigned next;
    char *name = names[next++ % 4];
    if (id == L4_NILTHREAD)
        return "nilthread";
    if (id == L4_ANYTHREAD)
        return "anythread";
    return l4_name_of(id, name);
}

void audit_save(struct audit_message *message)
{
    for (unsigned i = 0; i < 64; i++)
        message->words[i] = l4_mr(i);
}

void audit_restore(const struct audit_message *message)
{
    for (unsigned i = 0; i < 64; i++)
        l4_set_mr(i, message->words[i]);
}

void audit_received(const char *who, const char *what, l4_ipc_result result)
{
    l4_word tag = l4_mr(0);
    l4_printf("%s: %s: from %s, dope 0x%x, MR0 0x%x, MR1 0x%x, MR2 0x%x", who, what,
              audit_name(result.from), result.dope, tag, l4_mr(1), l4_mr(2));
    if (l4_dope_redirected(result.dope))
        l4_printf(", ir %s, bs %s, cm %s, delay %u", audit_name(l4_utcb_word(L4_UTCB_INTENDED_RECEIVER)),
                  audit_name(l4_utcb_word(L4_UTCB_BLOCKED_SOURCE)),
                  audit_name(l4_utcb_word(L4_UTCB_CONTROLLING_MONITOR)),
                  l4_utcb_word(L4_UTCB_DELAY_TIMEOUT));
    if (l4_dope_error(result.dope))
        l4_printf(", ErrorCode 0x%x", l4_error_code());
    l4_printf("\n");
}

void audit_sent(const char *who, const char *what, l4_ipc_result result)
{
    l4_printf("%s: %s: from %s, dope 0x%x", who, what, audit_name(result.from), result.dope);
    if (l4_dope_error(result.dope))
        l4_printf(", ErrorCode 0x%x", l4_error_code());
    l4_printf("\n");
}

l4_ipc_result audit_send_option(l4_thread_id to, l4_word timeouts, int option, l4_thread_id true_source,
                                l4_thread_id blocked_source, l4_thread_id controlling_monitor,
                                l4_word delay_us)
{
    static struct l4_ipc_params params;
    params = (struct l4_ipc_params){ true_source, blocked_source, controlling_monitor, delay_us };
    l4_word descriptor = option == AUDIT_NO_OPTION ? l4_snd_desc(&params)
                                                   : l4_snd_desc_option((enum l4_option)option, &params);
    return l4_ipc(to, L4_NILTHREAD, timeouts, descriptor);
}
