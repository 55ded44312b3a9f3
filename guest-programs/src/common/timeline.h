/* Scenarios whose roles act at fixed points of virtual time, so that who does what when is
   decided by the script rather than by scheduling. */
#ifndef COMMON_TIMELINE_H
#define COMMON_TIMELINE_H

#include <l4.h>

/* Virtual time since boot in microseconds. */
static inline l4_u64 now_us(void)
{
    return l4_system_clock();
}

/* Sleeps until `at_us` microseconds after boot; returns at once if that has passed. */
void sleep_until(l4_u64 at_us);

#endif
