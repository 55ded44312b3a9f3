/*
 * S6 Page faults and exceptions become IPC. A user-level pager serves its client's faults from
 * its own <memory>, which sigma0 serves it: sigma0 -> pager -> client, as in the L4 papers. The
 * same pager is the client's exception handler for udf, an unaligned ldrex, and bkpt.
 *
 * Roles: `pager` drives `client`, a servant (common/remote.h), and serves its window at
 * 0x60000000 page for page from its pool at 0x40000000. Its thread `pager.wanderer` makes the
 * pager its own pager and faults outside the window; the pager answers with exchange_registers,
 * sending it elsewhere, as an L4 pager does with a fault it will not serve. Faults nothing
 * resolves: `orphan`'s
 * pager `gone` has exited; `stray` executes udf with no exception handler. The kernel stops
 * both with a report (standard error), or ends the run with --stop-on-fault.
 */
#include <l4.h>
#include "common/scenario.h"
#include "common/remote.h"

#define CLIENT_WINDOW 0x60000000u
#define POOL 0x40000000u
#define POOL_PAGES 16
#define POOL_WORD(k) (0xc0de0000u + (k))
#define CODE_PAGE 2
#define WIDE_PAGE 4 /* 4..7: one 16 KiB fpage */
#define WIDE_LOG2 14
#define CLIENT_STACK_TOP 0xBFF00000u
#define CLIENT_STACK_SIZE 0x10000u
/* remote_serve() is a few hundred bytes of code; a data fault's ip lies in it. */
#define SERVE_CODE_SIZE 0x400u
#define OUTSIDE_WINDOW 0x70000000u
#define LABEL_RECOVERED 0x60

static l4_word pool_page(l4_word k)
{
    return POOL + k * L4_PAGE_SIZE;
}

/* A function returning 42, as machine code. */
#if defined(__arm__)
static const unsigned char answer_code[] = { 0x2a, 0x00, 0xa0, 0xe3,   /* mov r0, #42 */
                                             0x1e, 0xff, 0x2f, 0xe1 }; /* bx lr */
#elif defined(__i386__)
static const unsigned char answer_code[] = { 0xb8, 0x2a, 0x00, 0x00, 0x00, /* mov $42, %eax */
                                             0xc3 };                       /* ret */
#endif

static void fill_pool(void)
{
    for (l4_word k = 0; k < POOL_PAGES; k++)
        *(volatile l4_word *)pool_page(k) = POOL_WORD(k);
    volatile unsigned char *code = (volatile unsigned char *)pool_page(CODE_PAGE);
    for (l4_word i = 0; i < sizeof answer_code; i++)
        code[i] = answer_code[i];
}

/* The client's window maps to the pool page for page; the wide part in one 16 KiB fpage. */
static l4_fpage pool_fpage_for(l4_word address, l4_word rights)
{
    l4_word page = (address - CLIENT_WINDOW) / L4_PAGE_SIZE;
    if (page >= WIDE_PAGE && page < WIDE_PAGE + 4)
        return l4_fpage_make(pool_page(WIDE_PAGE), WIDE_LOG2, rights);
    return l4_fpage_page(pool_page(page), rights);
}

static int in_window(l4_word address)
{
    return address >= CLIENT_WINDOW && address < CLIENT_WINDOW + POOL_PAGES * L4_PAGE_SIZE;
}

/* The exception the client was told to raise: the handler resumes it after that instruction. */
static enum remote_exception raising;

/* A page fault gets the pool page with the rights the access needs (and read); an exception
   resumes the client after the instruction. */
static int serve_client(l4_thread_id client, l4_msg_tag fault)
{
    (void)client;
    if (l4_is_exception(fault)) {
        l4_word resume[2] = { l4_mr(L4_EXCEPTION_IP_MR) + remote_exception_length(raising),
                              l4_mr(L4_EXCEPTION_SP_MR) };
        l4_load_message(0, 2, resume);
        return 1;
    }
    l4_word address = l4_mr(L4_PAGE_FAULT_ADDRESS_MR);
    if (!l4_is_page_fault(fault) || !in_window(address))
        return 0;
    l4_word rights = l4_page_fault_access(fault) | L4_RIGHTS_R;
    l4_load_item_message(0, L4_ITEM_MAP, address, pool_fpage_for(address, rights));
    return 1;
}

static struct remote_result command(l4_thread_id client, enum remote_command what, l4_word count,
                                    const l4_word *words)
{
    return remote_command(client, what, count, words, serve_client);
}

static void expect_fault(const char *what, struct remote_result result, l4_word mr0, l4_word address)
{
    char text[64];
    char expected[64];
    if (result.faults == 0)
        l4_snprintf(text, sizeof text, "no fault");
    else
        l4_snprintf(text, sizeof text, "%u, MR0 0x%x, MR1 0x%x", result.faults, result.first_fault,
                    result.first_fault_words[0]);
    expect_text(what, text, l4_snprintf(expected, sizeof expected, "1, MR0 0x%x, MR1 0x%x", mr0, address));
}

static void expect_word(const char *what, l4_word observed, l4_word expected)
{
    char text[16];
    char wanted[16];
    l4_snprintf(wanted, sizeof wanted, "0x%x", expected);
    expect_text(what, l4_snprintf(text, sizeof text, "0x%x", observed), wanted);
}

static void page_faults(l4_thread_id client)
{
    struct remote_result read = command(client, REMOTE_READ, 1, (l4_word[]){ CLIENT_WINDOW });
    expect_fault("S6 a read in the client's window: the pager receives page faults", read, 0xffe48002u,
                 CLIENT_WINDOW);
    expect_yes("S6 MR2 is the ip of the client's read", read.first_fault_words[1] - (l4_word)remote_serve <
                                                            SERVE_CODE_SIZE);
    expect_word("S6 the client reads what the pager put there", read.value, POOL_WORD(0));
    expect_yes("S6 the client's MR0..MR8 are the same after its page fault", read.mrs_intact);

    struct remote_result write = command(client, REMOTE_WRITE, 2, (l4_word[]){ CLIENT_WINDOW + 4, 0x600d0000u });
    expect_fault("S6 a write to the page the pager mapped read-only: page faults", write, 0xffe28002u,
                 CLIENT_WINDOW + 4);
    expect_word("S6 the pager sees the client's write in its own page", ((volatile l4_word *)pool_page(0))[1],
                0x600d0000u);

    l4_word code = CLIENT_WINDOW + CODE_PAGE * L4_PAGE_SIZE;
    struct remote_result run = command(client, REMOTE_EXECUTE, 1, &code);
    expect_fault("S6 a call into an unmapped page: page faults", run, 0xffe18002u, code);
    expect_yes("S6 an instruction fetch's fault ip is the fault address", run.first_fault_words[1] == code);
    expect_value("S6 the client runs the code the pager mapped and gets", run.value, 42);

    struct remote_result wide = command(client, REMOTE_READ, 1,
                                        (l4_word[]){ CLIENT_WINDOW + WIDE_PAGE * L4_PAGE_SIZE });
    expect_fault("S6 a read in the wide part: page faults", wide, 0xffe48002u,
                 CLIENT_WINDOW + WIDE_PAGE * L4_PAGE_SIZE);
    struct remote_result beyond = command(client, REMOTE_READ, 1,
                                          (l4_word[]){ CLIENT_WINDOW + (WIDE_PAGE + 3) * L4_PAGE_SIZE });
    expect_value("S6 the reply mapped a 16 KiB fpage at the send base: page faults reading its last page",
                 beyond.faults, 0);
    expect_word("S6 and the client reads", beyond.value, POOL_WORD(WIDE_PAGE + 3));
}

struct exception_case {
    enum remote_exception exception;
    const char *name;
    l4_word code;
    int unaligned_address; /* MR4 is the data address, else the instruction's */
};

static void exception(l4_thread_id client, struct exception_case c)
{
    raising = c.exception;
    struct remote_result raised = command(client, REMOTE_RAISE, 2, (l4_word[]){ l4_myself(), c.exception });
    l4_word site = remote_exception_site(c.exception);
    l4_word *words = raised.first_fault_words;
    char what[96];
    char text[48];
    char expected[48];
    l4_snprintf(text, sizeof text, "%u, MR0 0x%x, MR3 %u", raised.faults, raised.first_fault, words[2]);
    expect_text(l4_snprintf(what, sizeof what, "S6 %s: the exception handler receives", c.name), text,
                l4_snprintf(expected, sizeof expected, "1, MR0 0xffc08004, MR3 %u", c.code));
    expect_yes(l4_snprintf(what, sizeof what, "S6 %s: MR1 is the instruction's address", c.name), words[0] == site);
    expect_yes(l4_snprintf(what, sizeof what, "S6 %s: MR2 is the client's stack pointer", c.name),
               words[1] < CLIENT_STACK_TOP && words[1] >= CLIENT_STACK_TOP - CLIENT_STACK_SIZE);
    if (c.unaligned_address)
        expect_yes(l4_snprintf(what, sizeof what, "S6 %s: MR4 is the unaligned address, on the stack", c.name),
                   (words[3] & 3) == 1 && words[3] - words[1] < 64);
    else
        expect_yes(l4_snprintf(what, sizeof what, "S6 %s: MR4 is the instruction's address", c.name),
                   words[3] == site);
    expect_yes(l4_snprintf(what, sizeof what, "S6 %s: the client resumes after it with MR0..MR8 intact", c.name),
               !l4_ipc_failed(raised.ipc) && raised.mrs_intact);
}

static void exceptions(l4_thread_id client)
{
    static const struct exception_case cases[] = {
        { REMOTE_UDF, "udf", L4_EXCEPTION_UNDEFINED_INSTRUCTION, 0 },
#if defined(__arm__) /* x86 raises no alignment faults (EFLAGS.AC is off) */
        { REMOTE_UNALIGNED_LDREX, "unaligned ldrex", L4_EXCEPTION_ALIGNMENT, 1 },
#endif
        { REMOTE_BKPT, "bkpt", L4_EXCEPTION_BREAKPOINT, 0 },
    };
    for (l4_word i = 0; i < sizeof cases / sizeof cases[0]; i++)
        exception(client, cases[i]);
}

static void wanderer_recovered(void)
{
    l4_load_message(LABEL_RECOVERED, 0, 0);
    l4_send(l4_lookup("pager"));
    l4_exit_thread();
}

L4_THREAD_ENTRY void wanderer_main(void)
{
    l4_set_pager(l4_lookup("pager"));
    (void)*(volatile l4_word *)OUTSIDE_WINDOW;
    l4_print("pager.wanderer: unreachable\n");
    l4_exit_thread();
}

static void redirect_wanderer(void)
{
    l4_thread_id wanderer = l4_lookup("pager.wanderer");
    l4_ipc_result fault = l4_receive_timeout(wanderer, l4_timeout_us(PATIENT_US));
    expect_yes("S6 a fault the pager will not serve: it arrives",
               !l4_ipc_failed(fault) && l4_is_page_fault(l4_msg_tag_current()) &&
                   l4_mr(L4_PAGE_FAULT_ADDRESS_MR) == OUTSIDE_WINDOW);
    l4_word sp = l4_exchange_registers(wanderer, 0, 0, 0).old_sp;
    expect_value("S6 exchange_registers sets the faulting thread's sp and ip",
                 l4_exchange_registers(wanderer, L4_EXREGS_SET_SP_IP, sp, (l4_word)wanderer_recovered).result, 0);
    l4_ipc_result recovered = l4_receive_timeout(wanderer, l4_timeout_us(PATIENT_US));
    expect_yes("S6 and the thread goes on at the new ip, not stopped",
               !l4_ipc_failed(recovered) && l4_msg_tag_label(l4_msg_tag_current()) == LABEL_RECOVERED);
}

static void pager(void)
{
    l4_thread_id client = l4_lookup("client");
    fill_pool();
    page_faults(client);
    exceptions(client);
    redirect_wanderer();
    finish("S6");
}

static void client(void)
{
    remote_serve(l4_lookup("pager"));
}

/* Exits before `orphan` runs, leaving it with a dead pager. */
static void gone(void)
{
}

static void orphan(void)
{
    l4_print("orphan: reading 0x60000000, whose pager has exited\n");
    (void)*(volatile l4_word *)CLIENT_WINDOW;
    l4_print("orphan: unreachable\n");
}

static void stray(void)
{
    l4_print("stray: executing udf without an exception handler\n");
    __builtin_trap();
}

static const struct role roles[] = {
    { "pager", pager },
    { "client", client },
    { "gone", gone },
    { "orphan", orphan },
    { "stray", stray },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
