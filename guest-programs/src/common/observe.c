#include "observe.h"

#define WORDS_LISTED_MAX 8

char *thread_text(l4_thread_id id, char text[L4_NAME_SIZE])
{
    if (l4_is_nilthread(id))
        return l4_snprintf(text, L4_NAME_SIZE, "nilthread");
    if (l4_is_anythread(id))
        return l4_snprintf(text, L4_NAME_SIZE, "anythread");
    return l4_name_of(id, text);
}

const char *my_name(void)
{
    static char name[L4_NAME_SIZE]; /* each program here runs one thread per task */
    return l4_name_of(l4_myself(), name);
}

/* Appends `item` to the space-separated list in `text`. */
static void add_item(char *text, l4_word size, l4_word *length, const char *item)
{
    if (*length > 0 && *length + 1 < size)
        text[(*length)++] = ' ';
    for (; *item && *length + 1 < size; item++)
        text[(*length)++] = *item;
    text[*length] = '\0';
}

char *dope_text(l4_word dope, char text[DOPE_TEXT_SIZE])
{
    char meaning[DOPE_TEXT_SIZE] = "";
    char item[24];
    l4_word length = 0;
    if (l4_dope_redirected(dope))
        add_item(meaning, sizeof meaning, &length, "R");
    if (l4_dope_deceited(dope))
        add_item(meaning, sizeof meaning, &length, "D");
    if (l4_dope_option_received(dope))
        add_item(meaning, sizeof meaning, &length,
                 l4_snprintf(item, sizeof item, "option %u", l4_dope_option(dope)));
    if (l4_dope_error(dope) != L4_ERROR_NONE)
        add_item(meaning, sizeof meaning, &length,
                 l4_snprintf(item, sizeof item, "error %u %s", l4_dope_error(dope),
                             l4_dope_phase(dope) == L4_PHASE_SEND ? "send" : "receive"));
    if (length == 0)
        return l4_snprintf(text, DOPE_TEXT_SIZE, "0x%x", dope);
    return l4_snprintf(text, DOPE_TEXT_SIZE, "0x%x (%s)", dope, meaning);
}

char *outcome_text(l4_ipc_result result, char text[OUTCOME_TEXT_SIZE])
{
    char dope[L4_DOPE_TEXT_SIZE];
    if (!l4_ipc_failed(result))
        return l4_snprintf(text, OUTCOME_TEXT_SIZE, "no error");
    return l4_snprintf(text, OUTCOME_TEXT_SIZE, "%s, ErrorCode 0x%x",
                       l4_describe_dope(result.dope, dope), l4_error_code());
}

char *words_text(char text[WORDS_TEXT_SIZE])
{
    l4_word count = l4_msg_tag_untyped(l4_msg_tag_current());
    if (count == 0)
        return l4_snprintf(text, WORDS_TEXT_SIZE, "(none)");
    if (count > WORDS_LISTED_MAX) {
        l4_word sum = 0;
        for (l4_word i = 1; i <= count; i++)
            sum += l4_mr(i);
        return l4_snprintf(text, WORDS_TEXT_SIZE, "%u words, sum %u", count, sum);
    }
    l4_word length = 0;
    char item[12];
    text[0] = '\0';
    for (l4_word i = 1; i <= count; i++)
        add_item(text, WORDS_TEXT_SIZE, &length, l4_snprintf(item, sizeof item, "%u", l4_mr(i)));
    return text;
}

void print_message(const char *who, l4_ipc_result received)
{
    char from[L4_NAME_SIZE];
    char words[WORDS_TEXT_SIZE];
    char dope[DOPE_TEXT_SIZE];
    if (l4_ipc_failed(received)) {
        char outcome[OUTCOME_TEXT_SIZE];
        l4_printf("%s: receive: %s\n", who, outcome_text(received, outcome));
        return;
    }
    l4_printf("%s: label 0x%x from %s, words %s, dope %s\n", who,
              l4_msg_tag_label(l4_msg_tag_current()), thread_text(received.from, from),
              words_text(words), dope_text(received.dope, dope));
}
