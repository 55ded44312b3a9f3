/* Writing monitors: receiving a redirected message together with its IPC's words (R2),
   forwarding it with deceit (R3, R5), the monitor-only options 1, 2 and 3 (M3, M6, M9), and the
   receive-and-decide loop every monitor here shares. See guest-programs/MONITORS.md. */
#ifndef COMMON_MONITOR_H
#define COMMON_MONITOR_H

#include <l4.h>

/* A message as a monitor received it. Its words are kept, so the monitor may make other IPC
   (sleep, notify, unblock) before forwarding it. */
struct intercepted {
    l4_ipc_result received; /* from = the true (or claimed) source S */
    /* The in-flight IPC's words (UTCB 104-107), meaningful only with R. */
    l4_thread_id intended_receiver;
    l4_thread_id blocked_source;
    l4_thread_id controlling_monitor; /* nilthread if none */
    l4_word delay_remaining_us;       /* 0 = none */
    l4_word words[1 + L4_MSG_MAX_WORDS]; /* MR0 (the tag), MR1, ... */
};

/* Open wait for the next message or controller notification. */
l4_ipc_result monitor_wait(struct intercepted *message);

/* R: the message is an IPC redirected to this monitor (R2). */
int is_redirected(const struct intercepted *message);

/* Option 2 received: a controller notification from the kernel (from = nilthread) or passed on
   by a later controlling monitor (from = that monitor) (M6). */
int is_notification(const struct intercepted *message);

l4_word message_label(const struct intercepted *message);

/* How to forward: an option 4-7 and the parameter block. The send timeout is the monitor's own
   (M3); 0 is never. */
struct forwarding {
    enum l4_option option;
    l4_thread_id true_source; /* nilthread: the message's source */
    l4_thread_id blocked_source;      /* options 5 and 7 */
    l4_thread_id controlling_monitor; /* options 6 and 7 */
    l4_word delay_timeout_us;         /* 0 = none (M5) */
    l4_timeout send_timeout;
};

/* Option 4: the message goes on as its source's. */
struct forwarding deceit(void);
/* Option 6 with this monitor as the controlling monitor: it decides when the source goes on. */
struct forwarding deceit_controlled_by_me(void);
/* Option 5: the message goes on as `source`'s own, in the IPC `source` is blocked in (its true
   and blocked source); the forward takes that IPC over, also while the source's own send still
   waits, for a busy monitor or at the M4 check (R3, M9). */
struct forwarding taking_over(l4_thread_id source);

/* Sends the kept message to `to` claiming its true source (R3). */
l4_ipc_result forward(const struct intercepted *message, l4_thread_id to, struct forwarding how);

/* Sends a message of the monitor's own, `label` with one word, to `to` as `how` says; unlike
   forward(), it needs no received message, so how.true_source must name the source (R3). */
l4_ipc_result forward_own(l4_thread_id to, l4_word label, l4_word word, struct forwarding how);

/* forward(), and if that fails, ends the blocked source's IPC with option 1 and the error as its
   code (M3). A delay timeout is not reported: the kernel has already ended the IPC or handed it
   to the controlling monitor (M5). */
l4_ipc_result forward_or_fail_source(const struct intercepted *message, l4_thread_id to,
                                     struct forwarding how);

/* What a pass-through monitor does: forward_or_fail_source() to the intended receiver with
   option 4. */
l4_ipc_result pass_through(const struct intercepted *message);

/* Option 1: the blocked source's send fails with error 8 and `code` in its ErrorCode (M3). */
l4_ipc_result fail_blocked_source(l4_thread_id blocked_source, l4_word code);

/* Option 3: the blocked source's send completes (M6). */
l4_ipc_result unblock(l4_thread_id blocked_source);

/* MR1..MR4 of a controller notification (M6). */
struct notification {
    l4_thread_id blocked_source;
    l4_thread_id true_source;
    l4_thread_id final_receiver;
    l4_word error;
};

struct notification notification_of(const struct intercepted *message);

/* Option 2: hands a notification on to an earlier controlling monitor of the same IPC (M6). */
l4_ipc_result pass_notification(l4_thread_id to, struct notification notification);

/* "who: client -> server, label 0x1, dope 0x39 (R D option 4)" */
void print_intercepted(const char *who, const struct intercepted *message);

/* "who: notification from nilthread, dope 0x5 (option 2), MR0 0x8004, blocked source client,
   true source client, final receiver server, error 0" */
void print_notification(const char *who, const struct intercepted *message);

/* "who: what: no error" or "who: what: error 2 (no partner), phase send" */
void print_result(const char *who, const char *what, l4_ipc_result result);

/* Waits for the next message, a controller notification, and prints it with print_notification(),
   or says what came instead. */
void await_notification(const char *who);

/* What a monitor does with a redirected message, or with a controller notification. */
typedef void monitor_handler(const struct intercepted *message);

/* A handler that forwards with pass_through(). */
void forward_unchanged(const struct intercepted *message);

/* Waits for messages forever and hands each redirected message to `redirected` and each
   notification to `notified` (0: ignore them). Anything else is ignored. */
__attribute__((noreturn)) void run_monitor(monitor_handler *redirected, monitor_handler *notified);

#endif
