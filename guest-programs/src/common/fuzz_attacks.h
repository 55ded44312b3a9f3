/* The attacking generator classes (fuzz_classes.h), one step each: what a fuzz thread does when
   it draws the class. Their windows and send bases stay clear of the fuzzer's own code, data and
   stacks, so that what breaks is the kernel's, never the guest's own doing: the receive window
   region, the null page's neighbours, the UTCB area, the boot info page, the last user page and
   the kernel's range. */
#ifndef FUZZ_ATTACKS_H
#define FUZZ_ATTACKS_H

#include "fuzz_world.h"

void fuzz_attack_utcb_rewrite(struct fuzz_thread *me);
void fuzz_attack_fpages(struct fuzz_thread *me);
void fuzz_attack_kernel_pages(struct fuzz_thread *me);
void fuzz_attack_forged_handlers(struct fuzz_thread *me);
void fuzz_attack_rule_churn(struct fuzz_thread *me);
void fuzz_attack_task_churn(struct fuzz_thread *me);

/* A receive window (BR0) a guest may open without harm to itself: any size and alignment (nil,
   too small, too large, unaligned), at a place that holds none of its code, data or stacks. */
l4_word fuzz_safe_window(struct fuzz_thread *me);

/* A pager's or exception handler's answer to the fault message just received (in the MRs). */
void fuzz_answer_fault(struct fuzz_thread *me);

/* Boot info entry `victim`'s thread, when it was stopped or deleted, comes back as a new version
   in its task (beside a live sibling), restarted where fuzz threads restart; a stopped one keeps
   its number (and its task) until it is deleted (P3), so it is deleted first. The caller is
   privileged. 0 when the entry is the keeper's, the caller's or never ran, so nothing was done. */
int fuzz_revive(struct fuzz_thread *me, l4_word victim);

/* The entry of threads the root creates in existing tasks: it waits a while and exits. */
void fuzz_churned_thread(void);

#endif
