/*
 * Every register that is not a result of a system call is preserved across it, the
 * call-number register and the condition flags included (docs/abi.md section 1.1): for every
 * call, whether it succeeds or fails, returns at once or blocks until another thread ends its
 * IPC (a message, a reply, a cancellation) or its timeout expires.
 *
 * Roles: `main` (privileged) makes the calls; its thread `main.partner` ends the ones that block.
 */
#include <l4.h>
#include "common/register_probe.h"

#define LABEL 0x5
#define PARTNER_DELAY_US 10

static l4_thread_id main_thread;
static l4_word sink_block[4] __attribute__((aligned(16)));

/* Each blocking call of main's is made probe_runs() times; the partner ends each in turn. */
L4_THREAD_ENTRY void partner(void)
{
    l4_word runs = probe_runs();
    for (l4_word i = 0; i < runs; i++) { /* main sends: receive it */
        l4_sleep(PARTNER_DELAY_US);
        l4_receive(main_thread);
    }
    for (l4_word i = 0; i < runs; i++) { /* main waits: send to it */
        l4_sleep(PARTNER_DELAY_US);
        l4_load_message(LABEL, 0, 0);
        l4_send(main_thread);
    }
    for (l4_word i = 0; i < runs; i++) { /* main calls: reply */
        l4_receive(main_thread);
        l4_sleep(PARTNER_DELAY_US);
        l4_load_message(LABEL, 0, 0);
        l4_reply(main_thread);
    }
    for (l4_word i = 0; i < runs; i++) { /* main waits for ever: cancel its IPC */
        l4_sleep(PARTNER_DELAY_US);
        l4_exchange_registers(main_thread, L4_EXREGS_HALT | L4_EXREGS_RESUME, 0, 0);
    }
    l4_exit_thread();
}

int main(void)
{
    main_thread = l4_myself();
    l4_thread_id me = main_thread;
    l4_thread_id mate = l4_lookup("main.partner");
    l4_thread_id ghost = l4_thread_id_make(999, 1);
    l4_word zero_send = L4_TIMEOUT_ZERO << 16;
    l4_word nil_fpage_of_size_5 = 0x10000 | 5 << 4;
    const struct probed_call calls[] = {
        { "kdebug putc", L4_SYSCALL_KDEBUG, { L4_KDEBUG_PUTC, '.', 0, 0 }, 1 },
        { "kdebug write", L4_SYSCALL_KDEBUG, { L4_KDEBUG_WRITE, (l4_word)"-", 1, 0 }, 1 },
        { "kdebug write of kernel memory (9)", L4_SYSCALL_KDEBUG, { L4_KDEBUG_WRITE, 0xC0000000u, 1, 0 }, 1 },
        { "kdebug undefined op (9)", L4_SYSCALL_KDEBUG, { 9, 0, 0, 0 }, 1 },
        { "kdebug breakpoint", L4_SYSCALL_KDEBUG, { L4_KDEBUG_BREAKPOINT, 7, 0, 0 }, 1 },
        { "ipc with neither phase", L4_SYSCALL_IPC, { 0, 0, 0, 0 }, 3 },
        { "ipc sleep, zero timeout", L4_SYSCALL_IPC, { 0, me, L4_TIMEOUT_ZERO, 0 }, 3 },
        { "ipc sleep 3 us", L4_SYSCALL_IPC, { 0, me, 3, 0 }, 3 },
        { "ipc send to no thread (2)", L4_SYSCALL_IPC, { ghost, 0, 0, 0 }, 3 },
        { "ipc wait for no thread (2)", L4_SYSCALL_IPC, { 0, ghost, 0, 0 }, 3 },
        { "ipc timeout bit 15 (9)", L4_SYSCALL_IPC, { me, me, 0x80000000u, 0 }, 3 },
        { "ipc option code without O (9)", L4_SYSCALL_IPC, { me, 0, zero_send, 0x6 }, 3 },
        { "ipc unreadable parameter block (9)", L4_SYSCALL_IPC, { me, 0, zero_send, 0xC0000000u }, 3 },
        { "ipc send to itself, zero timeout (1)", L4_SYSCALL_IPC, { me, 0, zero_send, (l4_word)sink_block }, 3 },
        { "thread_switch yield", L4_SYSCALL_THREAD_SWITCH, { 0, 0, 0, 0 }, 0 },
        { "thread_switch to no thread", L4_SYSCALL_THREAD_SWITCH, { ghost, 0, 0, 0 }, 0 },
        { "thread_switch to a blocked thread", L4_SYSCALL_THREAD_SWITCH, { mate, 0, 0, 0 }, 0 },
        { "system_clock", L4_SYSCALL_SYSTEM_CLOCK, { 0, 0, 0, 0 }, 3 },
        { "exchange_registers read", L4_SYSCALL_EXCHANGE_REGISTERS, { mate, 0, 0, 0 }, 7 },
        { "exchange_registers no thread (2)", L4_SYSCALL_EXCHANGE_REGISTERS, { ghost, 0, 0, 0 }, 7 },
        { "exchange_registers undefined bit (9)", L4_SYSCALL_EXCHANGE_REGISTERS, { mate, 8, 0, 0 }, 7 },
        { "thread_control delete no thread (2)", L4_SYSCALL_THREAD_CONTROL, { ghost, 0, 0, 0 }, 1 },
        { "thread_control misaligned UTCB (9)", L4_SYSCALL_THREAD_CONTROL, { l4_thread_id_make(800, 1), me, 0, 3 }, 1 },
        { "unmap the nil fpage", L4_SYSCALL_UNMAP, { 0, 0, 0, 0 }, 0 },
        { "unmap an invalid fpage (9)", L4_SYSCALL_UNMAP, { nil_fpage_of_size_5, 0, 0, 0 }, 1 },
        { "redirect undefined op (9)", L4_SYSCALL_REDIRECT, { 3, 0, 0, 0 }, 1 },
        { "undefined call 8 (9)", 8, { 0, 0, 0, 0 }, 1 },
        { "undefined call 0xFFFFFFFF (9)", 0xFFFFFFFFu, { 0, 0, 0, 0 }, 1 },
        /* These block until the partner ends them, in its order. */
        { "ipc send, received later", L4_SYSCALL_IPC, { mate, 0, 0, 0 }, 3 },
        { "ipc closed wait, message later", L4_SYSCALL_IPC, { 0, mate, 0, 0 }, 3 },
        { "ipc call, reply later", L4_SYSCALL_IPC, { mate, mate, 0, 0 }, 3 },
        { "ipc closed wait, cancelled later", L4_SYSCALL_IPC, { 0, mate, 0, 0 }, 3 },
    };
    int failed = 0;
    for (unsigned i = 0; i < sizeof calls / sizeof calls[0]; i++)
        failed += probe_call(&calls[i]);
    l4_printf("syscall registers: %s\n", failed ? "FAILED" : "every call kept them");
    l4_shutdown(failed ? 1 : 0);
}
