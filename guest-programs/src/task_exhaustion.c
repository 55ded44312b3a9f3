/* P2 and P3 at the limit of physical memory: a privileged task creates empty tasks until the
   kernel has no memory left for another page table. That is an error code (6) for the guest,
   never a host failure, and the system runs on. */
#include <l4.h>
#include "common/scenario.h"

#define FIRST_NUMBER 1000
#define MAX_TASKS 200000
#define SURELY_FITS 10000 /* 512 MiB of physical memory hold far more empty tasks than this */
#define UTCB 0xBFF00000u

int main(void)
{
    l4_word created = 0;
    l4_word result = 0;
    while (created < MAX_TASKS) {
        l4_thread_id id = l4_thread_id_make(FIRST_NUMBER + created, 1);
        result = l4_thread_control(id, id, l4_myself(), UTCB);
        if (result != 0)
            break;
        created++;
    }
    expect_value("P3 creating empty tasks until physical memory runs out ends with error", result,
                 L4_ERROR_NOT_PERMITTED);
    expect_yes("P3 and only after more than 10000 of them", created > SURELY_FITS);
    expect_value("P3 the kernel runs on: deleting one of them", l4_thread_control(
                     l4_thread_id_make(FIRST_NUMBER, 1), L4_NILTHREAD, 0, 0), 0);
    finish("P3");
}
