/*
 * P2 No guest can crash, hang or corrupt the kernel: every bad argument, address or descriptor
 * gets error 9 (invalid argument), checked before any waiting; privileged calls from an
 * unprivileged task get 6 (not permitted).
 *
 * The program runs as an unprivileged task; `target` (idle.elf) never receives, so an argument the
 * kernel failed to check would show as a timeout after 1000 us instead of an error at once.
 * The calls that could change other threads come last.
 */
#include <l4.h>
#include "common/scenario.h"

#define LATE_CHECK_TIMEOUT_US 1000 /* what an argument checked too late would cost */
#define KERNEL_ADDRESS 0xC0000000u /* user addresses end at 0xBFFFFFFF (docs/abi.md section 1) */
#define UNMAPPED_ADDRESS 0x40000000u /* a user address nothing maps in this task */
#define TIMEOUT_BIT_15 0x8000u
#define UNDEFINED_KDEBUG_OP 99
#define UNDEFINED_SYSCALL 99

int main(void)
{
    l4_thread_id target = l4_lookup("target");
    l4_timeout patient = l4_timeout_us(LATE_CHECK_TIMEOUT_US);
    l4_word send_patiently = l4_timeouts(patient, L4_TIMEOUT_NEVER);

    settle();
    l4_load_message(0, 0, 0);
    expect_ipc("P2 send descriptor with an option code but O = 0",
               timed_ipc(target, L4_NILTHREAD, send_patiently, L4_OPTION_ERROR << 1),
               fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_SEND, at_once()));
    expect_ipc("P2 send timeout with bit 15 set",
               timed_ipc(target, L4_NILTHREAD, l4_timeouts(TIMEOUT_BIT_15 | patient, L4_TIMEOUT_NEVER),
                             L4_SND_DESC_NONE),
               fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_SEND, at_once()));
    expect_ipc("P2 receive timeout with bit 15 set",
               timed_ipc(L4_NILTHREAD, target, l4_timeouts(L4_TIMEOUT_NEVER, TIMEOUT_BIT_15 | patient),
                             L4_SND_DESC_NONE),
               fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_RECEIVE, at_once()));
    expect_ipc("P2 IPC parameter block at a kernel address",
               timed_ipc(target, L4_NILTHREAD, send_patiently, KERNEL_ADDRESS),
               fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_SEND, at_once()));
    expect_ipc("P2 IPC parameter block at an unmapped user address",
               timed_ipc(target, L4_NILTHREAD, send_patiently, UNMAPPED_ADDRESS),
               fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_SEND, at_once()));
    l4_set_mr(0, l4_msg_tag_make(0, L4_MSG_MAX_WORDS, 2));
    expect_ipc("P2 message tag with u + t = 65",
               timed_ipc(target, L4_NILTHREAD, send_patiently, L4_SND_DESC_NONE),
               fails(L4_ERROR_INVALID_ARGUMENT, L4_PHASE_SEND, at_once()));

    expect_value("P2 kdebug write from a kernel address, result",
                 l4_kdebug_write((const void *)KERNEL_ADDRESS, 4), L4_ERROR_INVALID_ARGUMENT);
    expect_value("P2 kdebug with an undefined op, result", l4_kdebug(UNDEFINED_KDEBUG_OP, 0, 0),
                 L4_ERROR_INVALID_ARGUMENT);
    l4_arch_syscall(UNDEFINED_SYSCALL, 0, 0, 0, 0, 0, 0);
    expect_yes("P2 an undefined system call number returns to the caller", 1);
    expect_value("P2 unmap of an fpage not aligned to its size, result",
                 l4_arch_syscall(L4_SYSCALL_UNMAP, l4_fpage_make(0x1000, 13, L4_RIGHTS_RW), 0, 0, 0, 0, 0).value[0],
                 L4_ERROR_INVALID_ARGUMENT);
    expect_value("P2 unmap with a flag bit other than bit 0, result",
                 l4_arch_syscall(L4_SYSCALL_UNMAP, l4_fpage_make(0x1000, 12, L4_RIGHTS_RW), 2, 0, 0, 0, 0).value[0],
                 L4_ERROR_INVALID_ARGUMENT);

    expect_value("P2 exchange_registers on another task's thread, result",
                 l4_exchange_registers(target, L4_EXREGS_HALT, 0, 0).result,
                 L4_ERROR_NOT_PERMITTED);
    expect_value("P2 thread_control from an unprivileged task, result",
                 l4_thread_control(target, L4_NILTHREAD, L4_NILTHREAD, 0), L4_ERROR_NOT_PERMITTED);
    expect_value("P2 redirect from an unprivileged task, result",
                 l4_redirect(L4_REDIRECT_ADD | L4_MONITOR_CLASS_SYSTEM, L4_ANYTHREAD, L4_ANYTHREAD,
                             l4_myself()),
                 L4_ERROR_NOT_PERMITTED);

    finish("P2");
}

