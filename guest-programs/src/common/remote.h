/* A task driven by another over IPC: the driver calls it with one command at a time (read,
   write, execute, take a mapping, send a map or grant item, unmap, raise an exception) and it
   replies with what happened. The memory scenarios use it to look at address spaces from
   outside: whatever a command touches that is not mapped faults to the servant's pager, which
   is the driver, so the driver sees each fault while it waits for the reply. */
#ifndef COMMON_REMOTE_H
#define COMMON_REMOTE_H

#include <l4.h>

enum remote_command {
    REMOTE_READ = 0x100,     /* address -> MR1 the word there */
    REMOTE_WRITE,            /* address, value */
    REMOTE_EXECUTE,          /* address -> MR1 what the function there returned */
    REMOTE_ACCEPT,           /* window, from: reply, then receive one message from `from` */
    REMOTE_LAST_RECEIVED,    /* -> MR1 dope, MR2 from of the message REMOTE_ACCEPT took */
    REMOTE_SEND_ITEM,        /* to, type, send base, fpage -> MR1 the dope of that send */
    REMOTE_UNMAP,            /* fpage, flags */
    REMOTE_RAISE,            /* handler, exception (enum remote_exception) */
    REMOTE_EXIT,             /* exits the servant's thread without replying */
};

/* What REMOTE_RAISE executes, each at a site the driver can find with remote_exception_site():
   the driver and the servant run the same image. */
enum remote_exception {
    REMOTE_UDF,           /* udf: undefined instruction */
    /* ldrex from an address that is not word-aligned. (ARMv7 also requires word alignment of
       ldrd and ldm, but the emulator checks it only for exclusive accesses.) */
    REMOTE_UNALIGNED_LDREX,
    REMOTE_BKPT,          /* bkpt: breakpoint */
    REMOTE_EXCEPTION_COUNT,
};

/* Every reply to a command that may fault says whether the servant's MR0..MR8, which it filled
   with a pattern before the faulting access, were the same after it (S6: the kernel's message
   must not show). */
#define REMOTE_MRS_INTACT_MR 3

/* Serves the driver's commands until REMOTE_EXIT. */
__attribute__((noreturn)) void remote_serve(l4_thread_id driver);

/* The address of the instruction that REMOTE_RAISE executes for `exception`, and its length:
   a handler resumes the servant at site + length. */
l4_word remote_exception_site(enum remote_exception exception);
l4_word remote_exception_length(enum remote_exception exception);

/* What a driver's handler does with a fault it was sent while waiting for a command's reply:
   load the reply (a map item, or ip and sp for an exception) and return 1, or return 0 to
   leave the servant blocked for good. */
typedef int (*remote_fault_handler)(l4_thread_id servant, l4_msg_tag fault);

struct remote_result {
    l4_ipc_result ipc;     /* the command's reply, or why there was none */
    l4_word value;         /* MR1 of the reply */
    l4_word second;        /* MR2 */
    int mrs_intact;        /* see REMOTE_MRS_INTACT_MR */
    l4_word faults;        /* faults handled while the command ran */
    l4_msg_tag first_fault; /* MR0 of the first one */
    l4_word first_fault_words[4]; /* its MR1..MR4 */
};

/* Calls `servant` with a command of `count` words and waits, at most PATIENT_US at each step,
   for the reply, passing every fault the servant raises meanwhile to `handler`. */
struct remote_result remote_command(l4_thread_id servant, enum remote_command command,
                                    l4_word count, const l4_word *words,
                                    remote_fault_handler handler);

#endif
