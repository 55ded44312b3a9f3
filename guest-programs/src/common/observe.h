/* Printing what a program observed in words a test can match: thread names and dope bits. */
#ifndef COMMON_OBSERVE_H
#define COMMON_OBSERVE_H

#include <l4.h>

/* "nilthread", "anythread", the thread's name in the boot info page, or "thread 0x...". */
char *thread_text(l4_thread_id id, char text[L4_NAME_SIZE]);

/* The calling thread's name, for prefixing its lines. */
const char *my_name(void);

#define DOPE_TEXT_SIZE 48

/* The dope in hex with its meaning: "0x0", "0x39 (R D option 4)", "0x5 (option 2)",
   "0x1100 (error 1 receive)". */
char *dope_text(l4_word dope, char text[DOPE_TEXT_SIZE]);

#define OUTCOME_TEXT_SIZE 80

/* "no error", or "error 8 (monitor error), phase send, ErrorCode 0xac1": the IPC's outcome with
   the UTCB's ErrorCode, read right after the IPC. */
char *outcome_text(l4_ipc_result result, char text[OUTCOME_TEXT_SIZE]);

#define WORDS_TEXT_SIZE 96

/* The untyped words MR1..MRu of the message in the UTCB: "11 22 33", "(none)", or for long
   messages "40 words, sum 820". */
char *words_text(char text[WORDS_TEXT_SIZE]);

/* "who: label 0x1 from client, words 1 2 3, dope 0x0" for a message just received, or
   "who: receive: error 1 (timeout), phase receive, ErrorCode 0x1". */
void print_message(const char *who, l4_ipc_result received);

#endif
