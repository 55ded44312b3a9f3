/*
 * ABI thread_control (docs/abi.md section 3.8): the argument errors, checked before anything
 * is created: 9 for a UTCB at a kernel address, on the boot info page, not 512-byte aligned or
 * another live thread's; 9 for a dest that exists, is numbered below 16, has version 0, or is
 * anythread or nilthread; 2 for a space naming no live thread. Then a thread created in a new
 * task, deleted (0), deleted again (2), and its number created again with version 2, which the
 * old ID no longer names.
 *
 * One privileged task; the threads it creates are never started.
 */
#include <l4.h>
#include "common/scenario.h"

#define NEW_NUMBER 500
#define ABSENT_NUMBER 777
#define RESERVED_NUMBER 15
#define FREE_UTCB (L4_UTCB_AREA + L4_UTCB_SIZE)
#define HALF_ALIGNED_UTCB (FREE_UTCB + L4_UTCB_SIZE / 2)
#define NEW_TASK_UTCB 0x10000u

struct refused {
    const char *what;
    l4_thread_id dest;
    l4_thread_id space;
    l4_word utcb;
    l4_word error;
};

static l4_word create(l4_thread_id dest, l4_thread_id space, l4_word utcb)
{
    return l4_thread_control(dest, space, l4_myself(), utcb);
}

int main(void)
{
    l4_thread_id me = l4_myself();
    l4_thread_id fresh = l4_thread_id_make(NEW_NUMBER, 1);

    const struct refused refusals[] = {
        { "UTCB at 0xC0000000 (kernel)", fresh, me, L4_USER_END, L4_ERROR_INVALID_ARGUMENT },
        { "UTCB on the boot info page", fresh, me, L4_BOOTINFO_ADDRESS, L4_ERROR_INVALID_ARGUMENT },
        { "UTCB 256-byte aligned only", fresh, me, HALF_ALIGNED_UTCB, L4_ERROR_INVALID_ARGUMENT },
        { "UTCB of the caller (in use)", fresh, me, (l4_word)l4_arch_utcb(), L4_ERROR_INVALID_ARGUMENT },
        { "dest is the caller (exists)", me, me, FREE_UTCB, L4_ERROR_INVALID_ARGUMENT },
        { "dest number 15 (the kernel's)", l4_thread_id_make(RESERVED_NUMBER, 1), me, FREE_UTCB,
          L4_ERROR_INVALID_ARGUMENT },
        { "dest version 0", l4_thread_id_make(NEW_NUMBER, 0), me, FREE_UTCB, L4_ERROR_INVALID_ARGUMENT },
        { "dest anythread", L4_ANYTHREAD, me, FREE_UTCB, L4_ERROR_INVALID_ARGUMENT },
        { "dest nilthread", L4_NILTHREAD, me, FREE_UTCB, L4_ERROR_INVALID_ARGUMENT },
        { "space names no thread", fresh, l4_thread_id_make(ABSENT_NUMBER, 1), FREE_UTCB, L4_ERROR_NO_PARTNER },
    };
    char what[96];
    for (l4_word i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        const struct refused *r = &refusals[i];
        l4_snprintf(what, sizeof what, "ABI thread_control, %s, result", r->what);
        expect_value(what, create(r->dest, r->space, r->utcb), r->error);
    }
    expect_value("ABI the refused calls created nothing: exregs on the new ID, result",
                 l4_exchange_registers(fresh, 0, 0, 0).result, L4_ERROR_NO_PARTNER);

    expect_value("ABI thread_control, create in a new task (space = dest), result",
                 create(fresh, fresh, NEW_TASK_UTCB), 0);
    expect_value("ABI exregs read of the new task's thread by the privileged creator, result",
                 l4_exchange_registers(fresh, 0, 0, 0).result, 0);
    expect_value("ABI thread_control, delete it, result", l4_thread_control(fresh, L4_NILTHREAD, L4_NILTHREAD, 0), 0);
    expect_value("ABI thread_control, delete it again, result",
                 l4_thread_control(fresh, L4_NILTHREAD, L4_NILTHREAD, 0), L4_ERROR_NO_PARTNER);
    l4_thread_id second = l4_thread_id_make(NEW_NUMBER, 2);
    expect_value("ABI thread_control, its number again with version 2, result", create(second, second, NEW_TASK_UTCB), 0);
    expect_ipc("ABI send to the deleted version 1",
               untimed(l4_send_timeout(fresh, L4_TIMEOUT_ZERO)),
               fails(L4_ERROR_NO_PARTNER, L4_PHASE_SEND, unmeasured()));
    expect_ipc("ABI send to version 2 (exists, halted, not receiving)",
               untimed(l4_send_timeout(second, L4_TIMEOUT_ZERO)),
               fails(L4_ERROR_TIMEOUT, L4_PHASE_SEND, unmeasured()));
    finish("ABI thread_control");
}
