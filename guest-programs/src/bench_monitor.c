/* `l4emu bench`: a pass-through system monitor in a task of its own (bench_monitor_*.xml). It
   does no more than it must, as bench_server does for the server, so that the figure is the
   kernel's and the machine's work for a monitored IPC, not the monitor's. */
#include "common/bench.h"

int main(void)
{
    bench_monitor();
}
