/* Thread IDs: bits 31..14 thread number, bits 13..0 version (docs/abi.md section 2). */
#ifndef L4_THREAD_ID_H
#define L4_THREAD_ID_H

#include <l4/types.h>
#include <l4/abi.h> /* L4_NILTHREAD, L4_ANYTHREAD, L4_THREAD_... */

static inline l4_thread_id l4_thread_id_make(l4_word number, l4_word version)
{
    return number << L4_THREAD_NUMBER_SHIFT | (version & L4_THREAD_VERSION_MASK);
}

static inline l4_word l4_thread_number(l4_thread_id id)
{
    return id >> L4_THREAD_NUMBER_SHIFT;
}

static inline l4_word l4_thread_version(l4_thread_id id)
{
    return id & L4_THREAD_VERSION_MASK;
}

static inline int l4_is_nilthread(l4_thread_id id)
{
    return id == L4_NILTHREAD;
}

static inline int l4_is_anythread(l4_thread_id id)
{
    return id == L4_ANYTHREAD;
}

#endif
