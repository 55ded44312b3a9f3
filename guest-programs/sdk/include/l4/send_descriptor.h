/* The ipc send descriptor (docs/abi.md section 3): bits 31..4 address of a 16-byte-aligned IPC
   parameter block or 0, bit 0 O (option), bits 3..1 option code (only with O = 1). */
#ifndef L4_SEND_DESCRIPTOR_H
#define L4_SEND_DESCRIPTOR_H

#include <l4/types.h>
#include <l4/abi.h> /* enum l4_option, L4_SND_DESC_..., L4_IPC_PARAMS_... */

/* enum l4_option: L4_OPTION_UNRELIABLE 0; ERROR 1 (to a blocked source, MR1 = error code);
   NOTIFICATION 2 (to a controlling monitor); UNBLOCKING 3 (to a blocked source); DECEIT 4 (block:
   true source); DECEIT_BLOCKED_SOURCE 5; DECEIT_CONTROLLING_MONITOR 6; both 7. */

/* The IPC parameter block. Fields an option does not use are ignored, except the delay
   timeout, which is read whenever a block is given. */
struct l4_ipc_params {
    l4_thread_id true_source;
    l4_thread_id blocked_source;
    l4_thread_id controlling_monitor;
    l4_word delay_timeout_us; /* 0 = none */
} __attribute__((aligned(16)));

_Static_assert(sizeof(struct l4_ipc_params) == L4_IPC_PARAMS_SIZE, "the IPC parameter block is 16 bytes");
_Static_assert(__builtin_offsetof(struct l4_ipc_params, true_source) == L4_IPC_PARAMS_TRUE_SOURCE_OFFSET
                   && __builtin_offsetof(struct l4_ipc_params, blocked_source) == L4_IPC_PARAMS_BLOCKED_SOURCE_OFFSET
                   && __builtin_offsetof(struct l4_ipc_params, controlling_monitor)
                          == L4_IPC_PARAMS_CONTROLLING_MONITOR_OFFSET
                   && __builtin_offsetof(struct l4_ipc_params, delay_timeout_us) == L4_IPC_PARAMS_DELAY_TIMEOUT_OFFSET,
               "the IPC parameter block's fields are where the ABI has them");

/* No option; `params` (may be 0) gives only the delay timeout. */
static inline l4_word l4_snd_desc(const struct l4_ipc_params *params)
{
    return (l4_word)params;
}

static inline l4_word l4_snd_desc_option(enum l4_option option, const struct l4_ipc_params *params)
{
    return (l4_word)params | ((l4_word)option & L4_SND_DESC_OPTION_MASK) << L4_SND_DESC_OPTION_SHIFT
        | L4_SND_DESC_OPTION_BIT;
}

#endif
