/* What a fuzz thread does with a redirected message or a controller notification it received:
   forward it with any deceit option, to its destination or elsewhere, end or release its
   blocked source, pass the notification on, or drop it. On a monitor's path these succeed;
   off it they must fail with error 6 (R3, M9). */
#ifndef FUZZ_MONITOR_H
#define FUZZ_MONITOR_H

#include "fuzz_world.h"

/* Keeps what a monitor needs of a message just received (R2 words are read now). */
void fuzz_keep(struct fuzz_thread *me, l4_ipc_result received);

/* One monitor action on the kept message (or on nothing, if none is kept). */
void fuzz_monitor_act(struct fuzz_thread *me);

/* One step of the class monitor-forward (fuzz_classes.h). */
void fuzz_attack_monitor_forward(struct fuzz_thread *me);

#endif
