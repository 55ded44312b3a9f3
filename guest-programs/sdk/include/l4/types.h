/* Basic types of the guest ABI. Guests are 32-bit on every l4emu architecture. */
#ifndef L4_TYPES_H
#define L4_TYPES_H

/* Plain C types rather than uint32_t, whose underlying type differs between toolchains and
   would make printf formats architecture-specific. */
typedef unsigned int l4_word;
typedef unsigned long long l4_u64;

_Static_assert(sizeof(l4_word) == 4, "an l4emu word is 32 bits");
_Static_assert(sizeof(void *) == 4, "l4emu guests are 32-bit programs");

/* Bits 31..14 thread number, bits 13..0 version (docs/abi.md section 2). */
typedef l4_word l4_thread_id;

/* The result registers of one system call, in ABI order (r0-r3 on arm). */
typedef struct {
    l4_word value[4];
} l4_raw_results;

#endif
