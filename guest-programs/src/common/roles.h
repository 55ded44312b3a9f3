/* Scenarios run one image in several tasks; each task plays the role named like it. */
#ifndef SCENARIO_ROLES_H
#define SCENARIO_ROLES_H

#include <l4.h>

struct role {
    const char *name; /* the task's name in the system description */
    void (*play)(void);
};

/* Plays the role of the calling thread, then exits the thread. */
__attribute__((noreturn)) void play_my_role(const struct role *roles, l4_word count);

#define PLAY_MY_ROLE(roles) play_my_role(roles, sizeof roles / sizeof roles[0])

#endif
