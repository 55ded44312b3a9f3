/* The message tag in MR0 (docs/abi.md section 2): bits 31..16 label, 15..12 flags, 11..6 t typed
   words, 5..0 u untyped words. A message is MR0..MR(u+t), u+t <= 63. */
#ifndef L4_MESSAGE_H
#define L4_MESSAGE_H

#include <l4/types.h>
#include <l4/utcb.h>

typedef l4_word l4_msg_tag;

#define L4_MSG_MAX_WORDS 63          /* u + t */
#define L4_MSG_FLAG_KERNEL 0x8u      /* flags bit 3 = tag bit 15: a kernel-generated message */

/* Flags are always 0 from user code. */
static inline l4_msg_tag l4_msg_tag_make(l4_word label, l4_word untyped, l4_word typed)
{
    return (label & 0xFFFFu) << 16 | (typed & 0x3Fu) << 6 | (untyped & 0x3Fu);
}

static inline l4_word l4_msg_tag_label(l4_msg_tag tag)
{
    return tag >> 16;
}

static inline l4_word l4_msg_tag_flags(l4_msg_tag tag)
{
    return (tag >> 12) & 0xFu;
}

static inline l4_word l4_msg_tag_typed(l4_msg_tag tag)
{
    return (tag >> 6) & 0x3Fu;
}

static inline l4_word l4_msg_tag_untyped(l4_msg_tag tag)
{
    return tag & 0x3Fu;
}

static inline int l4_msg_tag_is_from_kernel(l4_msg_tag tag)
{
    return (l4_msg_tag_flags(tag) & L4_MSG_FLAG_KERNEL) != 0;
}

/* The tag of the message in (or last received into) MR0. */
static inline l4_msg_tag l4_msg_tag_current(void)
{
    return l4_mr(0);
}

/* Loads a message of `count` untyped words: MR0 = tag, MR1..MRcount = words. */
static inline void l4_load_message(l4_word label, l4_word count, const l4_word *words)
{
    l4_set_mr(0, l4_msg_tag_make(label, count, 0));
    for (l4_word i = 0; i < count; i++)
        l4_set_mr(1 + i, words[i]);
}

#endif
