/* Looking into another task's address space: a driver that pages a servant (common/remote.h)
   has it read or write an address and learns whether a mapping was there. An access that
   faults is answered with the driver's "hole" page, so the servant goes on, and the hole is
   unmapped again at once. So a probe that faults leaves nothing mapped there: not even the
   read-only mapping a write probe hit, nor what was derived from it. Probe writes last. */
#ifndef COMMON_PROBE_H
#define COMMON_PROBE_H

#include <l4.h>
#include "remote.h"

#define PROBE_TEXT_SIZE 64

/* The driver's page that answers faults; it must be mapped in the driver. */
void probe_use_hole(l4_word page_address);

/* A fault handler for remote_command(): maps the hole at the fault address. */
int probe_fill_with_hole(l4_thread_id servant, l4_msg_tag fault);

/* "0x5a000003", or "page fault (read)" when nothing readable was mapped there. */
char *probe_read(l4_thread_id servant, l4_word address, char text[PROBE_TEXT_SIZE]);

/* "written", or "page fault (write)" when nothing writable was mapped there. */
char *probe_write(l4_thread_id servant, l4_word address, l4_word value,
                  char text[PROBE_TEXT_SIZE]);

/* "read", "write" or "execute": the access of a page-fault message's tag. */
const char *fault_access_name(l4_msg_tag fault);

#endif
