#include "monitor.h"
#include "observe.h"

l4_ipc_result monitor_wait(struct intercepted *message)
{
    message->received = l4_wait();
    if (l4_ipc_failed(message->received))
        return message->received;
    l4_msg_tag tag = l4_msg_tag_current();
    l4_word count = l4_msg_tag_untyped(tag) + l4_msg_tag_typed(tag);
    for (l4_word i = 0; i <= count; i++)
        message->words[i] = l4_mr(i);
    message->intended_receiver = l4_intended_receiver();
    message->blocked_source = l4_blocked_source();
    message->controlling_monitor = l4_controlling_monitor();
    message->delay_remaining_us = l4_delay_timeout_remaining();
    return message->received;
}

int is_redirected(const struct intercepted *message)
{
    return !l4_ipc_failed(message->received) && l4_dope_redirected(message->received.dope);
}

int is_notification(const struct intercepted *message)
{
    l4_word dope = message->received.dope;
    return !l4_ipc_failed(message->received) && l4_dope_option_received(dope)
        && l4_dope_option(dope) == L4_OPTION_NOTIFICATION && !l4_dope_redirected(dope);
}

l4_word message_label(const struct intercepted *message)
{
    return l4_msg_tag_label(message->words[0]);
}

struct forwarding deceit(void)
{
    return (struct forwarding){ .option = L4_OPTION_DECEIT };
}

struct forwarding deceit_controlled_by_me(void)
{
    return (struct forwarding){ .option = L4_OPTION_DECEIT_CONTROLLING_MONITOR,
                                .controlling_monitor = l4_myself() };
}

struct forwarding taking_over(l4_thread_id source)
{
    return (struct forwarding){ .option = L4_OPTION_DECEIT_BLOCKED_SOURCE, .true_source = source,
                                .blocked_source = source };
}

static void restore_message(const struct intercepted *message)
{
    l4_msg_tag tag = message->words[0];
    l4_word count = l4_msg_tag_untyped(tag) + l4_msg_tag_typed(tag);
    for (l4_word i = 0; i <= count; i++)
        l4_set_mr(i, message->words[i]);
}

/* The forward of the message in the MRs. */
static l4_ipc_result send_forward(l4_thread_id to, struct forwarding how)
{
    struct l4_ipc_params params = {
        .true_source = how.true_source,
        .blocked_source = how.blocked_source,
        .controlling_monitor = how.controlling_monitor,
        .delay_timeout_us = how.delay_timeout_us,
    };
    return l4_ipc(to, L4_NILTHREAD, l4_timeouts(how.send_timeout, L4_TIMEOUT_NEVER),
                  l4_snd_desc_option(how.option, &params));
}

l4_ipc_result forward(const struct intercepted *message, l4_thread_id to, struct forwarding how)
{
    if (l4_is_nilthread(how.true_source))
        how.true_source = message->received.from;
    restore_message(message);
    return send_forward(to, how);
}

l4_ipc_result forward_own(l4_thread_id to, l4_word label, l4_word word, struct forwarding how)
{
    l4_load_message(label, 1, &word);
    return send_forward(to, how);
}

l4_ipc_result forward_or_fail_source(const struct intercepted *message, l4_thread_id to,
                                     struct forwarding how)
{
    l4_ipc_result result = forward(message, to, how);
    l4_word error = l4_ipc_error(result);
    if (error != L4_ERROR_NONE && error != L4_ERROR_DELAY_TIMEOUT
        && !l4_is_nilthread(message->blocked_source))
        fail_blocked_source(message->blocked_source, error);
    return result;
}

l4_ipc_result pass_through(const struct intercepted *message)
{
    return forward_or_fail_source(message, message->intended_receiver, deceit());
}

/* Options 1 and 3 never wait (M9), so no timeout is given. */
static l4_ipc_result send_option(l4_thread_id to, enum l4_option option)
{
    return l4_ipc(to, L4_NILTHREAD, l4_timeouts(L4_TIMEOUT_NEVER, L4_TIMEOUT_NEVER),
                  l4_snd_desc_option(option, 0));
}

l4_ipc_result fail_blocked_source(l4_thread_id blocked_source, l4_word code)
{
    l4_load_message(0, 1, &code);
    return send_option(blocked_source, L4_OPTION_ERROR);
}

l4_ipc_result unblock(l4_thread_id blocked_source)
{
    l4_load_message(0, 0, 0);
    return send_option(blocked_source, L4_OPTION_UNBLOCKING);
}

struct notification notification_of(const struct intercepted *message)
{
    return (struct notification){ message->words[1], message->words[2], message->words[3],
                                  message->words[4] };
}

l4_ipc_result pass_notification(l4_thread_id to, struct notification notification)
{
    l4_word words[] = { notification.blocked_source, notification.true_source,
                        notification.final_receiver, notification.error };
    l4_load_message(0, sizeof words / sizeof words[0], words);
    return send_option(to, L4_OPTION_NOTIFICATION);
}

void print_intercepted(const char *who, const struct intercepted *message)
{
    char from[L4_NAME_SIZE];
    char to[L4_NAME_SIZE];
    char dope[DOPE_TEXT_SIZE];
    l4_printf("%s: %s -> %s, label 0x%x, dope %s\n", who, thread_text(message->received.from, from),
              thread_text(message->intended_receiver, to), message_label(message),
              dope_text(message->received.dope, dope));
}

void print_notification(const char *who, const struct intercepted *message)
{
    struct notification words = notification_of(message);
    char from[L4_NAME_SIZE];
    char blocked[L4_NAME_SIZE];
    char source[L4_NAME_SIZE];
    char receiver[L4_NAME_SIZE];
    char dope[DOPE_TEXT_SIZE];
    l4_printf("%s: notification from %s, dope %s, MR0 0x%x, blocked source %s, true source %s, "
              "final receiver %s, error %u\n",
              who, thread_text(message->received.from, from),
              dope_text(message->received.dope, dope), message->words[0],
              thread_text(words.blocked_source, blocked), thread_text(words.true_source, source),
              thread_text(words.final_receiver, receiver), words.error);
}

void await_notification(const char *who)
{
    struct intercepted message;
    monitor_wait(&message);
    if (is_notification(&message))
        print_notification(who, &message);
    else
        l4_printf("%s: expected a notification, got label 0x%x\n", who, message_label(&message));
}

void print_result(const char *who, const char *what, l4_ipc_result result)
{
    char outcome[L4_DOPE_TEXT_SIZE];
    l4_printf("%s: %s: %s\n", who, what, l4_describe_dope(result.dope, outcome));
}

void forward_unchanged(const struct intercepted *message)
{
    pass_through(message);
}

void run_monitor(monitor_handler *redirected, monitor_handler *notified)
{
    static struct intercepted message;
    for (;;) {
        monitor_wait(&message);
        if (is_notification(&message)) {
            if (notified)
                notified(&message);
        } else if (is_redirected(&message)) {
            redirected(&message);
        }
    }
}
