/* A pass-through monitor (system class): forwards every redirected message unchanged to its
   intended receiver as its true source's (option 4), and reports a failed forward to the
   blocked source (option 1). It prints nothing, so it can stand in any path unnoticed (R4). */
#include <l4.h>
#include "common/monitor.h"

int main(void)
{
    run_monitor(forward_unchanged, 0);
}
