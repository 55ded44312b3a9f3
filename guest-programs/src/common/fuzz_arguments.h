/* Adversarial system call arguments: mostly plausible, often subtly wrong (stale versions,
   dead threads, unmapped or kernel pointers, bit 15 in timeouts, options without rights),
   sometimes pure noise. Every choice comes from the thread's own random stream. */
#ifndef FUZZ_ARGUMENTS_H
#define FUZZ_ARGUMENTS_H

#include <l4.h>
#include "fuzz_world.h"

l4_thread_id fuzz_thread_id(struct fuzz_thread *me);
/* A thread of the boot info page (alive or not; mostly its current ID, sometimes the boot one). */
l4_thread_id fuzz_known_thread(struct fuzz_thread *me);
l4_thread_id fuzz_from_spec(struct fuzz_thread *me);
/* A thread that serves at least half of the time, if one turns up in a few tries: a call to it can succeed. */
l4_thread_id fuzz_server(struct fuzz_thread *me);

/* One 16-bit timeout: never, zero, short, long, reserved bit 15 set, or noise. */
l4_word fuzz_timeout(struct fuzz_thread *me);
/* send << 16 | receive. */
l4_word fuzz_timeouts(struct fuzz_thread *me);
/* A finite, short timeout (never "never"). */
l4_word fuzz_short_timeout(struct fuzz_thread *me);

/* A UTCB address for thread_control: a free-looking UTCB slot, or an unaligned, kernel or null one
   (never one inside a task's code or data, which the new thread's UTCB words would overwrite). */
l4_word fuzz_utcb_address(struct fuzz_thread *me);

/* A pointer the kernel may be asked to read: valid data, read-only, unmapped, kernel, noise. */
l4_word fuzz_pointer(struct fuzz_thread *me);

/* A send descriptor: none, a parameter block with or without an option, O = 0 with option
   bits, a bad block address, or noise. The block's fields are filled in too. */
l4_word fuzz_send_descriptor(struct fuzz_thread *me);

/* Loads MR0..: a small message, typed items over the source region, u + t > 63, or a noise tag. */
void fuzz_message(struct fuzz_thread *me);

/* Sets BR0: the window region, a part of it, or nil (never a window over the fuzzer's own code). */
void fuzz_receive_window(struct fuzz_thread *me);

/* An fpage: mostly inside the source region, with any size and rights; 1 in 10 is noise. */
l4_word fuzz_fpage(struct fuzz_thread *me);
/* Any fpage word to map or unmap from: nil, every size (legal or not), aligned or not, anywhere. */
l4_word fuzz_any_fpage(struct fuzz_thread *me);
/* An fpage inside the source region only, any size up to the region's. */
l4_word fuzz_source_fpage(struct fuzz_thread *me, l4_word rights);

/* The IPC parameter block a monitor fills in before forwarding. */
extern struct l4_ipc_params fuzz_params;

#endif
