/* The message dope returned by ipc (docs/abi.md section 3): bit 0 O, bits 3..1 option, bit 4 R,
   bit 5 D, bits 11..8 error code, bit 12 error phase. */
#ifndef L4_DOPE_H
#define L4_DOPE_H

#include <l4/types.h>

enum l4_error {
    L4_ERROR_NONE = 0,
    L4_ERROR_TIMEOUT = 1,
    L4_ERROR_NO_PARTNER = 2, /* nonexistent or dead */
    L4_ERROR_CANCELLED = 3,
    L4_ERROR_MESSAGE_OVERFLOW = 4,
    L4_ERROR_DELAY_TIMEOUT = 5,
    L4_ERROR_NOT_PERMITTED = 6,
    L4_ERROR_ABORTED = 7,
    L4_ERROR_MONITOR = 8, /* UTCB ErrorCode holds the monitor's code */
    L4_ERROR_INVALID_ARGUMENT = 9,
};

enum l4_phase {
    L4_PHASE_SEND = 0,
    L4_PHASE_RECEIVE = 1,
};

static inline l4_word l4_dope_make_error(enum l4_error error, enum l4_phase phase)
{
    return (l4_word)phase << 12 | ((l4_word)error & 0xFu) << 8;
}

static inline l4_word l4_dope_error(l4_word dope)
{
    return (dope >> 8) & 0xFu;
}

static inline enum l4_phase l4_dope_phase(l4_word dope)
{
    return (enum l4_phase)((dope >> 12) & 1u);
}

/* O: an option was received; its code is l4_dope_option(). */
static inline int l4_dope_option_received(l4_word dope)
{
    return dope & 1u;
}

static inline l4_word l4_dope_option(l4_word dope)
{
    return (dope >> 1) & 7u;
}

/* R: the message was redirected to this receiver, a monitor on its path. */
static inline int l4_dope_redirected(l4_word dope)
{
    return (dope >> 4) & 1u;
}

/* D: `from` is a claimed (deceited) source; only ever set together with R. */
static inline int l4_dope_deceited(l4_word dope)
{
    return (dope >> 5) & 1u;
}

/* "timeout", "no partner", ...; "error N" for codes the ABI does not define. */
const char *l4_error_name(l4_word error);

#define L4_DOPE_TEXT_SIZE 48

/* "no error", or "error 2 (no partner), phase send"; returns `text`. */
char *l4_describe_dope(l4_word dope, char text[L4_DOPE_TEXT_SIZE]);

#endif
