/* The ipc send descriptor (docs/abi.md section 3): bits 31..4 address of a 16-byte-aligned IPC
   parameter block or 0, bit 0 O (option), bits 3..1 option code (only with O = 1). */
#ifndef L4_SEND_DESCRIPTOR_H
#define L4_SEND_DESCRIPTOR_H

#include <l4/types.h>

enum l4_option {
    L4_OPTION_UNRELIABLE = 0,
    L4_OPTION_ERROR = 1,        /* to a blocked source; MR1 = error code */
    L4_OPTION_NOTIFICATION = 2, /* to a controlling monitor */
    L4_OPTION_UNBLOCKING = 3,   /* to a blocked source */
    L4_OPTION_DECEIT = 4,       /* block: true source */
    L4_OPTION_DECEIT_BLOCKED_SOURCE = 5,
    L4_OPTION_DECEIT_CONTROLLING_MONITOR = 6,
    L4_OPTION_DECEIT_BLOCKED_SOURCE_CONTROLLING_MONITOR = 7,
};

/* The IPC parameter block. Fields an option does not use are ignored, except the delay
   timeout, which is read whenever a block is given. */
struct l4_ipc_params {
    l4_thread_id true_source;
    l4_thread_id blocked_source;
    l4_thread_id controlling_monitor;
    l4_word delay_timeout_us; /* 0 = none */
} __attribute__((aligned(16)));

_Static_assert(sizeof(struct l4_ipc_params) == 16, "the IPC parameter block is 16 bytes");

#define L4_SND_DESC_NONE ((l4_word)0)

/* No option; `params` (may be 0) gives only the delay timeout. */
static inline l4_word l4_snd_desc(const struct l4_ipc_params *params)
{
    return (l4_word)params;
}

static inline l4_word l4_snd_desc_option(enum l4_option option, const struct l4_ipc_params *params)
{
    return (l4_word)params | ((l4_word)option & 7u) << 1 | 1u;
}

#endif
