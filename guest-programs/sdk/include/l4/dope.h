/* The message dope returned by ipc (docs/abi.md section 3): bit 0 O, bits 3..1 option, bit 4 R,
   bit 5 D, bits 11..8 error code, bit 12 error phase. */
#ifndef L4_DOPE_H
#define L4_DOPE_H

#include <l4/types.h>
#include <l4/abi.h> /* enum l4_error (L4_ERROR_...; 8: UTCB ErrorCode holds the monitor's code),
                       enum l4_phase, L4_DOPE_... */

static inline l4_word l4_dope_make_error(enum l4_error error, enum l4_phase phase)
{
    return (l4_word)phase << L4_DOPE_PHASE_SHIFT | ((l4_word)error & L4_DOPE_ERROR_MASK) << L4_DOPE_ERROR_SHIFT;
}

static inline l4_word l4_dope_error(l4_word dope)
{
    return (dope >> L4_DOPE_ERROR_SHIFT) & L4_DOPE_ERROR_MASK;
}

static inline enum l4_phase l4_dope_phase(l4_word dope)
{
    return (enum l4_phase)((dope >> L4_DOPE_PHASE_SHIFT) & L4_DOPE_PHASE_MASK);
}

/* O: an option was received; its code is l4_dope_option(). */
static inline int l4_dope_option_received(l4_word dope)
{
    return dope & L4_DOPE_OPTION_BIT;
}

static inline l4_word l4_dope_option(l4_word dope)
{
    return (dope >> L4_DOPE_OPTION_SHIFT) & L4_DOPE_OPTION_MASK;
}

/* R: the message was redirected to this receiver, a monitor on its path. */
static inline int l4_dope_redirected(l4_word dope)
{
    return (dope >> L4_DOPE_REDIRECTED_SHIFT) & L4_DOPE_REDIRECTED_MASK;
}

/* D: `from` is a claimed (deceited) source; only ever set together with R. */
static inline int l4_dope_deceited(l4_word dope)
{
    return (dope >> L4_DOPE_DECEIT_SHIFT) & L4_DOPE_DECEIT_MASK;
}

/* "timeout", "no partner", ... (L4_ERROR_NAMES); "undefined error" for codes the ABI does not define. */
const char *l4_error_name(l4_word error);

#define L4_DOPE_TEXT_SIZE 48

/* "no error", or "error 2 (no partner), phase send"; returns `text`. */
char *l4_describe_dope(l4_word dope, char text[L4_DOPE_TEXT_SIZE]);

#endif
