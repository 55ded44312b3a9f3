/* The message tag in MR0 (docs/abi.md section 2): bits 31..16 label, 15..12 flags, 11..6 t typed
   words, 5..0 u untyped words. A message is MR0..MR(u+t), u+t <= 63. */
#ifndef L4_MESSAGE_H
#define L4_MESSAGE_H

#include <l4/types.h>
#include <l4/utcb.h>
#include <l4/abi.h> /* L4_TAG_..., L4_MSG_MAX_WORDS (u + t) */

typedef l4_word l4_msg_tag;

/* Flags bit 3 = tag bit 15: a kernel-generated message. */
#define L4_MSG_FLAG_KERNEL (L4_TAG_KERNEL_FLAG >> L4_TAG_FLAGS_SHIFT)

/* Flags are always 0 from user code. */
static inline l4_msg_tag l4_msg_tag_make(l4_word label, l4_word untyped, l4_word typed)
{
    return (label & L4_TAG_LABEL_MASK) << L4_TAG_LABEL_SHIFT | (typed & L4_TAG_TYPED_MASK) << L4_TAG_TYPED_SHIFT
        | (untyped & L4_TAG_UNTYPED_MASK) << L4_TAG_UNTYPED_SHIFT;
}

static inline l4_word l4_msg_tag_label(l4_msg_tag tag)
{
    return (tag >> L4_TAG_LABEL_SHIFT) & L4_TAG_LABEL_MASK;
}

static inline l4_word l4_msg_tag_flags(l4_msg_tag tag)
{
    return (tag >> L4_TAG_FLAGS_SHIFT) & L4_TAG_FLAGS_MASK;
}

static inline l4_word l4_msg_tag_typed(l4_msg_tag tag)
{
    return (tag >> L4_TAG_TYPED_SHIFT) & L4_TAG_TYPED_MASK;
}

static inline l4_word l4_msg_tag_untyped(l4_msg_tag tag)
{
    return (tag >> L4_TAG_UNTYPED_SHIFT) & L4_TAG_UNTYPED_MASK;
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
