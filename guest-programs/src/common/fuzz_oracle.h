/* What a fuzz thread checks of the guarantees it relies on, after the calls that could break
   them; a broken one is reported to the host (kdebug breakpoint with FUZZ_ORACLE_MAGIC), which
   ends the run with a violation. Each check is sound whatever the other fuzzers do: it looks
   only at what no thread may change (MyGlobalId, the boot info page), at the description's
   rules (which no thread removes), or at the root's rules board under its seqlock. */
#ifndef FUZZ_ORACLE_H
#define FUZZ_ORACLE_H

#include "fuzz_world.h"

void fuzz_report(enum fuzz_oracle broken);

/* After a receive: MyGlobalId is still the thread's, and the boot info page still the kernel's. */
void fuzz_check_received(struct fuzz_thread *me);

/* After a call that may have taken the boot info page away (a grant of it): it is still mapped. */
void fuzz_check_boot_info_mapped(struct fuzz_thread *me);

/* ipc(nilthread, nilthread) returns at once with dope 0. */
void fuzz_check_no_phase(l4_ipc_result result);

/* Deceit (R3): a forward by `me` with true source `true_source` that no rule of the description
   ties to it, while no rule of the root's ever named it, must be refused. Call fuzz_deceit_judgeable before the forward, passing what it
   returned (0: no judgement) to fuzz_check_deceit with the forward's result. */
l4_word fuzz_deceit_judgeable(struct fuzz_thread *me, l4_thread_id true_source);
void fuzz_check_deceit(l4_word judgeable, l4_ipc_result result);

#endif
