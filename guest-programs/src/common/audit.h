/* Probes written against the ABI alone: print what a thread received or got back, raw words,
   one line per observation, so that runs on every architecture and engine can be compared. */
#ifndef COMMON_AUDIT_H
#define COMMON_AUDIT_H

#include <l4.h>

/* "client", "nilthread", "anythread" or "thread 0x..."; a static buffer per call slot. */
const char *audit_name(l4_thread_id id);

/* MR0..MR(u) of the current message, saved and put back around a monitor's other IPC. */
struct audit_message {
    l4_word words[64];
};
void audit_save(struct audit_message *message);
void audit_restore(const struct audit_message *message);

/* who: what: from F, dope 0x.., label 0x.., u N, MR1 0x.. [, UTCB 104-107 if R] [, ErrorCode] */
void audit_received(const char *who, const char *what, l4_ipc_result result);

/* who: what: dope 0x.. [ErrorCode 0x..] (a send's result) */
void audit_sent(const char *who, const char *what, l4_ipc_result result);

/* ipc(to, nilthread) with options and a parameter block built from the arguments. */
l4_ipc_result audit_send_option(l4_thread_id to, l4_word timeouts, int option, l4_thread_id true_source,
                                l4_thread_id blocked_source, l4_thread_id controlling_monitor,
                                l4_word delay_us);

#define AUDIT_NO_OPTION (-1)
#define AUDIT_ZERO_SEND (L4_TIMEOUT_ZERO << 16)

#endif
