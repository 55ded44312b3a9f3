/*
 * ABI exchange_registers (docs/abi.md section 3.7) on threads of the caller's own task: old sp
 * and ip; set sp and ip on a running thread, which goes on at the new ip; set and halt, read
 * back while halted, resume; halt and resume in one call leave the thread running; a thread
 * that halts itself returns from the call when resumed; a thread resumed without sp and ip
 * starts at ip 0, faults and is then no live thread (2); nilthread is 2, a control bit other
 * than 0-2 is 9.
 *
 * One privileged task: the driver creates each worker with thread_control in its own task.
 */
#include <l4.h>
#include "common/scenario.h"

#define WORKER_NUMBER 300
#define SELF_HALTER_NUMBER 301
#define NEVER_SET_NUMBER 302
#define WORKER_UTCB (L4_UTCB_AREA + L4_UTCB_SIZE)
#define SELF_HALTER_UTCB (L4_UTCB_AREA + 2 * L4_UTCB_SIZE)
#define NEVER_SET_UTCB (L4_UTCB_AREA + 3 * L4_UTCB_SIZE)
#define STACK_WORDS 512
#define STACKS 3
#define SPIN_CODE_BYTES 64 /* more than the spinning loop's few instructions take */
#define RUN_US 20
#define UNDEFINED_CONTROL_BIT 8

static l4_word stacks[STACKS][STACK_WORDS] __attribute__((aligned(16)));
static volatile l4_word spins, landings, self_halt_returned, self_halt_result, self_halt_sp;

static l4_word stack_top(int stack)
{
    return (l4_word)&stacks[stack][STACK_WORDS - 4];
}

static int on_stack(l4_word sp, int stack)
{
    return sp > (l4_word)&stacks[stack][0] && sp <= stack_top(stack);
}

L4_THREAD_ENTRY void spin(void)
{
    for (;;)
        spins++;
}

L4_THREAD_ENTRY void land(void)
{
    landings++;
    for (;;)
        spins++;
}

L4_THREAD_ENTRY void halt_myself(void)
{
    l4_exchange_registers_result x = l4_exchange_registers(l4_myself(), L4_EXREGS_HALT, 0, 0);
    self_halt_result = x.result;
    self_halt_sp = x.old_sp;
    self_halt_returned = 1;
    l4_sleep_forever();
}

static l4_thread_id create(l4_word number, l4_word utcb)
{
    l4_thread_id id = l4_thread_id_make(number, 1);
    l4_thread_control(id, l4_myself(), L4_NILTHREAD, utcb);
    return id;
}

/* How far the worker counted while the driver slept RUN_US. */
static l4_word spins_meanwhile(void)
{
    l4_word before = spins;
    l4_sleep(RUN_US);
    return spins - before;
}

int main(void)
{
    l4_thread_id worker = create(WORKER_NUMBER, WORKER_UTCB);
    l4_exchange_registers_result x;

    x = l4_exchange_registers(worker, L4_EXREGS_SET_SP_IP | L4_EXREGS_RESUME, stack_top(0), (l4_word)spin);
    expect_value("ABI exregs set sp, ip and resume a new thread, result", x.result, 0);
    expect_hex("ABI exregs on a new thread: old sp", x.old_sp, 0);
    expect_hex("ABI exregs on a new thread: old ip", x.old_ip, 0);
    expect_yes("ABI the started thread runs", spins_meanwhile() != 0);

    x = l4_exchange_registers(worker, L4_EXREGS_SET_SP_IP, stack_top(1), (l4_word)land);
    expect_value("ABI exregs set sp and ip on a running thread, result", x.result, 0);
    expect_yes("ABI exregs old ip is in the loop it was running",
               x.old_ip >= (l4_word)spin && x.old_ip < (l4_word)spin + SPIN_CODE_BYTES);
    expect_yes("ABI exregs old sp is on its first stack", on_stack(x.old_sp, 0));
    expect_yes("ABI the thread goes on at the new ip, not halted", spins_meanwhile() != 0 && landings == 1);

    x = l4_exchange_registers(worker, L4_EXREGS_SET_SP_IP | L4_EXREGS_HALT, stack_top(0), (l4_word)land);
    expect_value("ABI exregs set sp, ip and halt a running thread, result", x.result, 0);
    expect_value("ABI the halted thread does not run: its count meanwhile", spins_meanwhile(), 0);
    x = l4_exchange_registers(worker, 0, 0, 0);
    expect_value("ABI exregs read of the halted thread, result", x.result, 0);
    expect_yes("ABI it reads back the sp that was set", x.old_sp == stack_top(0));
    expect_yes("ABI it reads back the ip that was set", x.old_ip == (l4_word)land);
    expect_value("ABI exregs resume, result", l4_exchange_registers(worker, L4_EXREGS_RESUME, 0, 0).result, 0);
    expect_yes("ABI once resumed it runs from the ip that was set", spins_meanwhile() != 0 && landings == 2);
    expect_value("ABI exregs resume of a running thread, result",
                 l4_exchange_registers(worker, L4_EXREGS_RESUME, 0, 0).result, 0);

    x = l4_exchange_registers(worker, L4_EXREGS_SET_SP_IP | L4_EXREGS_RESUME | L4_EXREGS_HALT,
                              stack_top(1), (l4_word)land);
    expect_value("ABI exregs control 7 (set, resume and halt) on a running thread, result", x.result, 0);
    expect_yes("ABI after control 7 it runs on from the new ip", spins_meanwhile() != 0 && landings == 3);
    l4_thread_control(worker, L4_NILTHREAD, L4_NILTHREAD, 0);

    l4_thread_id self_halter = create(SELF_HALTER_NUMBER, SELF_HALTER_UTCB);
    l4_exchange_registers(self_halter, L4_EXREGS_SET_SP_IP | L4_EXREGS_RESUME, stack_top(2),
                          (l4_word)halt_myself);
    settle();
    expect_yes("ABI a thread that halted itself has not returned from its call", !self_halt_returned);
    expect_value("ABI exregs resume of the thread that halted itself, result",
                 l4_exchange_registers(self_halter, L4_EXREGS_RESUME, 0, 0).result, 0);
    settle();
    expect_yes("ABI once resumed it returns from its call", self_halt_returned);
    expect_value("ABI its own call's result", self_halt_result, 0);
    expect_yes("ABI its own call's old sp is on its stack", on_stack(self_halt_sp, 2));

    l4_thread_id never_set = create(NEVER_SET_NUMBER, NEVER_SET_UTCB);
    expect_value("ABI exregs resume of a new thread whose sp and ip were never set, result",
                 l4_exchange_registers(never_set, L4_EXREGS_RESUME, 0, 0).result, 0);
    settle();
    expect_value("ABI it faulted at ip 0 with no pager: exregs read, result",
                 l4_exchange_registers(never_set, 0, 0, 0).result, L4_ERROR_NO_PARTNER);

    expect_value("ABI exregs on nilthread, result", l4_exchange_registers(L4_NILTHREAD, 0, 0, 0).result,
                 L4_ERROR_NO_PARTNER);
    expect_value("ABI exregs with control bit 3 on a live thread, result",
                 l4_exchange_registers(self_halter, UNDEFINED_CONTROL_BIT, 0, 0).result,
                 L4_ERROR_INVALID_ARGUMENT);
    finish("ABI exchange_registers");
}
