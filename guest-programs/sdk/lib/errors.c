#include <l4.h>

const char *l4_error_name(l4_word error)
{
    static const char *const names[] = L4_ERROR_NAMES;
    return error < sizeof names / sizeof names[0] ? names[error] : "undefined error";
}

char *l4_describe_dope(l4_word dope, char text[L4_DOPE_TEXT_SIZE])
{
    l4_word error = l4_dope_error(dope);
    if (error == L4_ERROR_NONE)
        return l4_snprintf(text, L4_DOPE_TEXT_SIZE, "no error");
    return l4_snprintf(text, L4_DOPE_TEXT_SIZE, "error %u (%s), phase %s", error,
                       l4_error_name(error),
                       l4_dope_phase(dope) == L4_PHASE_SEND ? "send" : "receive");
}
