#include "register_probe.h"

/* The probe's registers, in and out: arm r0-r12, lr; x86 eax, ebx, ecx, edx, esi, edi, ebp.
   Word FLAGS holds CPSR or EFLAGS, word SP the stack pointer (out only). */
#define WORDS 16
#define FLAGS 14
#define SP 15

l4_word probe_in[WORDS] __attribute__((used));
l4_word probe_out[WORDS] __attribute__((used));
l4_word probe_sp __attribute__((used));
void probe_trap(void);

#if defined(__arm__)
#if defined(__thumb__)
#define PROBE_ISET ".thumb\n.thumb_func\n"
#else
#define PROBE_ISET ".arm\n"
#endif
/* Loads r0-r12, lr and the flags from probe_in, traps, stores them to probe_out. */
__asm__(".text\n.syntax unified\n" PROBE_ISET ".global probe_trap\n.type probe_trap, %function\n"
        "probe_trap:\n"
        "push {r4-r11, lr}\n"
        "ldr r0, =probe_sp\n str sp, [r0]\n"
        "ldr r0, =probe_in\n"
        "ldr r1, [r0, #56]\n msr APSR_nzcvqg, r1\n"
        "ldr lr, [r0, #52]\n"
        "ldm r0, {r0-r12}\n"
        "svc #0\n"
        "push {r0-r12, lr}\n"
        "mrs r4, apsr\n ldr r5, =probe_out\n str r4, [r5, #56]\n"
        "add r4, sp, #56\n str r4, [r5, #60]\n"
        "mov r6, #0\n"
        "1: ldr r4, [sp, r6]\n str r4, [r5, r6]\n add r6, r6, #4\n cmp r6, #56\n blt 1b\n"
        "add sp, sp, #56\n"
        "pop {r4-r11, pc}\n"
        ".ltorg\n");

#define NUMBER_REGISTER 7
static const int argument_register[4] = { 0, 1, 2, 3 };
static const char *const names[] = { "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9",
                                     "r10", "r11", "r12", "lr" };
/* NZCVQ and GE: all set, all clear, alternating. */
static const l4_word flag_patterns[] = { 0xF80F0000u, 0, 0x50050000u };
#define FLAG_MASK 0xF80F0000u
#else
/* Loads eax-ebp and EFLAGS from probe_in, traps, stores them to probe_out. */
__asm__(".text\n.global probe_trap\n.type probe_trap, @function\n"
        "probe_trap:\n"
        "push %ebp\n push %ebx\n push %esi\n push %edi\n"
        "movl %esp, probe_sp\n"
        "pushl probe_in+56\n popfl\n"
        "movl probe_in+0, %eax\n movl probe_in+4, %ebx\n movl probe_in+8, %ecx\n"
        "movl probe_in+12, %edx\n movl probe_in+16, %esi\n movl probe_in+20, %edi\n"
        "movl probe_in+24, %ebp\n"
        "int $0x80\n"
        "pushfl\n"
        "cld\n" /* C code runs with DF clear */
        "movl %eax, probe_out+0\n movl %ebx, probe_out+4\n movl %ecx, probe_out+8\n"
        "movl %edx, probe_out+12\n movl %esi, probe_out+16\n movl %edi, probe_out+20\n"
        "movl %ebp, probe_out+24\n"
        "popl probe_out+56\n"
        "movl %esp, probe_out+60\n"
        "pop %edi\n pop %esi\n pop %ebx\n pop %ebp\n ret\n");

#define NUMBER_REGISTER 0
static const int argument_register[4] = { 1, 2, 3, 4 };
static const char *const names[] = { "eax", "ebx", "ecx", "edx", "esi", "edi", "ebp" };
/* CF PF AF ZF SF OF all set (with DF, a control flag), all clear, some; as many as on arm. */
static const l4_word flag_patterns[] = { 0xCD7u | 2, 2, 0xC3u | 2 };
#define FLAG_MASK 0xCD5u
#endif

#define REGISTERS (int)(sizeof names / sizeof names[0])
#define PATTERNS (sizeof flag_patterns / sizeof flag_patterns[0])
/* Result i is register i on both machines (r0-r3, eax-edx). */
#define RESULT_REGISTERS 4

l4_word probe_runs(void)
{
    return PATTERNS;
}

static int changed(const struct probed_call *call, l4_word flags)
{
    int problems = 0;
    for (int r = 0; r < REGISTERS; r++) {
        if (r < RESULT_REGISTERS && (call->results >> r & 1))
            continue;
        if (probe_out[r] != probe_in[r]) {
            l4_printf("%s (flags %x): %s changed from %x to %x\n", call->name, (unsigned)flags,
                      names[r], (unsigned)probe_in[r], (unsigned)probe_out[r]);
            problems++;
        }
    }
    if ((probe_out[FLAGS] ^ probe_in[FLAGS]) & FLAG_MASK) {
        l4_printf("%s: flags changed from %x to %x\n", call->name, (unsigned)probe_in[FLAGS],
                  (unsigned)probe_out[FLAGS]);
        problems++;
    }
    if (probe_out[SP] != probe_sp) {
        l4_printf("%s (flags %x): the stack pointer changed\n", call->name, (unsigned)flags);
        problems++;
    }
    return problems;
}

/* How many arguments each call takes (docs/abi.md section 3); the registers of the others keep
   their pattern, so that a call writing 0 into one shows. */
static l4_word argument_count(l4_word number)
{
    static const l4_word counts[] = {
        [L4_SYSCALL_KDEBUG] = 3, [L4_SYSCALL_IPC] = 4, [L4_SYSCALL_THREAD_SWITCH] = 1,
        [L4_SYSCALL_SYSTEM_CLOCK] = 0, [L4_SYSCALL_EXCHANGE_REGISTERS] = 4,
        [L4_SYSCALL_THREAD_CONTROL] = 4, [L4_SYSCALL_UNMAP] = 2, [L4_SYSCALL_REDIRECT] = 4,
    };
    return number < sizeof counts / sizeof counts[0] ? counts[number] : 0;
}

int probe_call(const struct probed_call *call)
{
    int failed_runs = 0;
    for (unsigned p = 0; p < PATTERNS; p++) {
        for (int r = 0; r < WORDS; r++)
            probe_in[r] = 0xA5000000u + (l4_word)r * 0x10101u;
        for (l4_word i = 0; i < argument_count(call->number); i++)
            probe_in[argument_register[i]] = call->arguments[i];
        probe_in[NUMBER_REGISTER] = call->number;
        probe_in[FLAGS] = flag_patterns[p];
        probe_trap();
        if (changed(call, flag_patterns[p]))
            failed_runs++;
    }
    if (failed_runs == 0)
        l4_printf("%s: every other register kept\n", call->name);
    return failed_runs;
}
