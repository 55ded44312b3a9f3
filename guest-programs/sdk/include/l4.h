/* The l4emu guest SDK: one include gives every system call stub and helper (docs/abi.md). */
#ifndef L4_H
#define L4_H

#include <l4/abi.h> /* generated from the ABI table (abi/): every number of docs/abi.md */
#include <l4/types.h>
#include <l4/thread_id.h>
#include <l4/syscalls.h>
#include <l4/utcb.h>
#include <l4/message.h>
#include <l4/fpage.h>
#include <l4/fault.h>
#include <l4/timeout.h>
#include <l4/dope.h>
#include <l4/send_descriptor.h>
#include <l4/ipc.h>
#include <l4/kdebug.h>
#include <l4/clock.h>
#include <l4/thread.h>
#include <l4/redirect.h>
#include <l4/bootinfo.h>
#include <l4/print.h>

#endif
