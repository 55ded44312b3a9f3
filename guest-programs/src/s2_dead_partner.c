/*
 * S2 Error handling: the sender always learns of a failure (error code, phase send), and a
 * receiver in a closed wait on a thread that dies learns of it too (error 2, no partner).
 *
 * Roles: `doomed` sleeps 200 us and exits without sending; `mortal` says goodbye to the driver
 * and exits; `victim` takes one message, then exits while the driver's next send waits for it.
 * Every wait in the driver is bounded, so a missing error shows as a timeout, not a hang.
 */
#include <l4.h>
#include "common/scenario.h"

#define DOOMED_LIFETIME_US 200
#define VICTIM_LIFETIME_US 100
#define NONEXISTENT_THREAD_NUMBER 1000
#define LABEL_GOODBYE 0x21
#define LABEL_ARM 0x22
#define LABEL_LAST_WORDS 0x23

static void doomed(void)
{
    l4_sleep(DOOMED_LIFETIME_US);
}

static void mortal(void)
{
    send_signal(l4_lookup("driver"), LABEL_GOODBYE);
}

static void victim(void)
{
    l4_receive(l4_lookup("driver"));
    l4_sleep(VICTIM_LIFETIME_US);
}

static void driver(void)
{
    l4_thread_id doomed = l4_lookup("doomed");
    l4_thread_id mortal = l4_lookup("mortal");
    l4_thread_id victim = l4_lookup("victim");
    l4_thread_id nonexistent = l4_thread_id_make(NONEXISTENT_THREAD_NUMBER, 1);
    l4_thread_id stale = l4_thread_id_make(l4_thread_number(victim), l4_thread_version(victim) + 1);
    l4_timeout patient = l4_timeout_us(PATIENT_US);
    l4_word patient_both = l4_timeouts(patient, patient);

    expect_ipc("S2 closed wait on a thread that exits without sending",
               untimed(l4_receive_timeout(doomed, patient)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_RECEIVE, unmeasured()));

    expect_ipc("S2 closed wait on a thread that sends, then exits",
               untimed(l4_receive_timeout(mortal, patient)), succeeds(unmeasured()));
    settle(); /* mortal has exited */
    l4_load_message(LABEL_LAST_WORDS, 0, 0);
    expect_ipc("S2 send to a thread that has exited", untimed(l4_send_timeout(mortal, patient)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, unmeasured()));
    expect_ipc("S2 call to a thread that has exited",
               timed_ipc(mortal, mortal, patient_both, L4_SND_DESC_NONE),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, at_once()));

    expect_ipc("S2 send to a thread number that does not exist",
               untimed(l4_send_timeout(nonexistent, patient)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, unmeasured()));
    expect_ipc("S2 send to a live thread's number with the wrong version",
               untimed(l4_send_timeout(stale, patient)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, unmeasured()));
    expect_ipc("S2 closed wait on a thread number that does not exist",
               untimed(l4_receive_timeout(nonexistent, patient)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_RECEIVE, unmeasured()));

    l4_load_message(LABEL_ARM, 0, 0);
    expect_ipc("S2 send to the victim while it lives", untimed(l4_send_timeout(victim, patient)),
               succeeds(unmeasured()));
    l4_load_message(LABEL_LAST_WORDS, 0, 0);
    expect_ipc("S2 send still waiting when the receiver exits",
               untimed(l4_send_timeout(victim, patient)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, unmeasured()));

    finish("S2");
}

static const struct role roles[] = {
    { "driver", driver },
    { "doomed", doomed },
    { "mortal", mortal },
    { "victim", victim },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
