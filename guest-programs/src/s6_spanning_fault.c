/*
 * S6 An instruction whose bytes span into an unmapped page: fetching its second part is a page
 * fault, an execute access (label 0xFFE1) at the second page's first address (MR1), with the
 * instruction's own address as the fault ip (MR2; on arm in Thumb state with bit 0 set, as
 * every arm ip the ABI gives), not the address that faulted. Once the page
 * is there, the pager's reply lets the instruction run whole.
 *
 * On arm the instruction is Thumb-2 `movw r0, #imm16` (ARM instructions are aligned and cannot
 * span); on x86 `mov eax, imm32`. Each is followed by a return. One privileged task: the driver
 * writes the instruction's first two bytes at the end of a page, starts a worker that calls
 * them with itself as the worker's pager, and completes the instruction in the next page
 * before it replies to the fault.
 */
#include <l4.h>
#include "common/scenario.h"

#define CODE_PAGE 0x40000000u
#define SECOND_PAGE (CODE_PAGE + 0x1000u)
#define CODE (SECOND_PAGE - 2)
#define FIRST_PART 2
#define WORKER_NUMBER 300
#define WORKER_UTCB (L4_UTCB_AREA + L4_UTCB_SIZE)
#define STACK_WORDS 512
#define EXECUTE_FAULT_LABEL (L4_PAGE_FAULT_LABEL | L4_RIGHTS_X)

#if defined(__arm__)
#define IMMEDIATE 0x1234u
/* movw r0, #0x1234 (T32: f241 2034); bx lr (4770) */
static const unsigned char instructions[] = { 0x41, 0xf2, 0x34, 0x20, 0x70, 0x47 };
#define ENTRY (CODE | 1) /* Thumb state */
#define FAULT_IP ENTRY    /* an ip in Thumb state has bit 0 set, as exchange_registers' */
#else
#define IMMEDIATE 0x11223344u
/* mov eax, 0x11223344; ret */
static const unsigned char instructions[] = { 0xb8, 0x44, 0x33, 0x22, 0x11, 0xc3 };
#define ENTRY CODE
#define FAULT_IP CODE
#endif

static l4_word stack[STACK_WORDS] __attribute__((aligned(16)));
static volatile l4_word result;

L4_THREAD_ENTRY void worker(void)
{
    l4_word (*spanning)(void) = (l4_word (*)(void))ENTRY;
    result = spanning();
    l4_sleep_forever();
}

static void write_code(l4_word from, l4_word to)
{
    volatile unsigned char *code = (volatile unsigned char *)CODE;
    for (l4_word i = from; i < to; i++)
        code[i] = instructions[i];
}

int main(void)
{
    l4_thread_id me = l4_myself();
    l4_thread_id runner = l4_thread_id_make(WORKER_NUMBER, 1);

    write_code(0, FIRST_PART);
    l4_thread_control(runner, me, me, WORKER_UTCB);
    l4_exchange_registers(runner, L4_EXREGS_SET_SP_IP | L4_EXREGS_RESUME, (l4_word)&stack[STACK_WORDS - 4],
                          (l4_word)worker);
    l4_ipc_result fault = l4_wait();
    expect_yes("S6 the fault message comes from the worker", fault.from == runner);
    expect_hex("S6 its label (execute access)", l4_msg_tag_label(l4_mr(0)), EXECUTE_FAULT_LABEL);
    expect_hex("S6 MR1, the fault address: the second page", l4_mr(L4_PAGE_FAULT_ADDRESS_MR), SECOND_PAGE);
    expect_hex("S6 MR2, the fault ip: the spanning instruction's address", l4_mr(L4_PAGE_FAULT_IP_MR), FAULT_IP);

    write_code(FIRST_PART, sizeof instructions);
    l4_load_message(0, 0, 0);
    l4_reply(runner);
    settle();
    expect_yes("S6 after the reply the instruction ran whole: the worker got its immediate", result == IMMEDIATE);
    finish("S6");
}
