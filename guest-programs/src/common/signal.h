/* Empty messages that only tell a partner to go on. */
#ifndef SCENARIO_SIGNAL_H
#define SCENARIO_SIGNAL_H

#include <l4.h>

/* The bound on waits that a correct kernel ends much sooner; a missing wake-up then shows as a
   timeout in the scenario's output instead of hanging it. */
#define PATIENT_US 5000

/* Sends an empty message labelled `label`, waiting at most PATIENT_US for `to` to receive it. */
l4_ipc_result send_signal(l4_thread_id to, l4_word label);

#endif
