#include "remote.h"
#include "signal.h"

#define PATTERN_WORDS 9 /* MR0..MR8: more than the largest fault message, MR0..MR4 */
#define PATTERN 0xA5A50000u
#define ITEM_LABEL 0x200
#define REPLY_WORDS REMOTE_MRS_INTACT_MR /* MR1..MR3 */
#define INTACT (REMOTE_MRS_INTACT_MR - 1)

/* The exception sites, each a function that a handler resumes at the next instruction. The
   driver finds them by address: driver and servant run the same image. */
#if defined(__arm__)
/* ARM code whatever the program's instruction set. */
__asm__(".pushsection .text.remote_raise, \"ax\", %progbits\n"
        ".arm\n"
        ".balign 4\n"
        ".type remote_raise_udf, %function\n"
        "remote_raise_udf:\n"
        "remote_udf_site: udf #0\n"
        "        bx lr\n"
        ".type remote_raise_ldrex, %function\n"
        "remote_raise_ldrex:\n"
        "remote_ldrex_site: ldrex r2, [r0]\n"
        "        bx lr\n"
        ".type remote_raise_bkpt, %function\n"
        "remote_raise_bkpt:\n"
        "remote_bkpt_site: bkpt #0\n"
        "        bx lr\n"
#ifdef __thumb__
        ".thumb\n" /* .popsection does not restore the instruction set */
#endif
        ".popsection\n");
static const l4_word site_length[REMOTE_EXCEPTION_COUNT] = { 4, 4, 4 };
#elif defined(__i386__)
/* x86 has no alignment faults here (EFLAGS.AC is off): the load just loads. */
__asm__(".pushsection .text.remote_raise, \"ax\", @progbits\n"
        "remote_raise_udf:\n"
        "remote_udf_site: ud2\n"
        "        ret\n"
        "remote_raise_ldrex:\n"
        "        movl 4(%esp), %eax\n"
        "remote_ldrex_site: movl (%eax), %eax\n"
        "        ret\n"
        "remote_raise_bkpt:\n"
        "remote_bkpt_site: int3\n"
        "        ret\n"
        ".popsection\n");
static const l4_word site_length[REMOTE_EXCEPTION_COUNT] = { 2, 2, 1 };
#endif

void remote_raise_udf(void);
void remote_raise_ldrex(const void *address);
void remote_raise_bkpt(void);
extern const char remote_udf_site[], remote_ldrex_site[], remote_bkpt_site[];

l4_word remote_exception_length(enum remote_exception exception)
{
    return exception < REMOTE_EXCEPTION_COUNT ? site_length[exception] : 0;
}

l4_word remote_exception_site(enum remote_exception exception)
{
    switch (exception) {
    case REMOTE_UDF:
        return (l4_word)remote_udf_site;
    case REMOTE_UNALIGNED_LDREX:
        return (l4_word)remote_ldrex_site;
    case REMOTE_BKPT:
        return (l4_word)remote_bkpt_site;
    default:
        return 0;
    }
}

#define COMPILER_BARRIER() __asm__ volatile("" ::: "memory")

static void fill_pattern(void)
{
    for (l4_word i = 0; i < PATTERN_WORDS; i++)
        l4_set_mr(i, PATTERN + i);
    COMPILER_BARRIER();
}

static int pattern_intact(void)
{
    COMPILER_BARRIER();
    for (l4_word i = 0; i < PATTERN_WORDS; i++)
        if (l4_mr(i) != PATTERN + i)
            return 0;
    return 1;
}

static void raise(enum remote_exception exception)
{
    l4_word buffer[4] = { 0 };
    const char *unaligned = (const char *)buffer + 1;
    switch (exception) {
    case REMOTE_UDF:
        remote_raise_udf();
        break;
    case REMOTE_UNALIGNED_LDREX:
        remote_raise_ldrex(unaligned);
        break;
    case REMOTE_BKPT:
        remote_raise_bkpt();
        break;
    default:
        break;
    }
}

void remote_serve(l4_thread_id driver)
{
    l4_ipc_result accepted = { L4_NILTHREAD, 0 };
    l4_ipc_result request = l4_receive(driver);
    for (;;) {
        if (l4_ipc_failed(request)) {
            l4_print("remote: lost the driver\n");
            l4_exit_thread();
        }
        l4_word command = l4_msg_tag_label(l4_mr(0));
        l4_word arg[4] = { l4_mr(1), l4_mr(2), l4_mr(3), l4_mr(4) };
        l4_word reply[REPLY_WORDS] = { 0, 0, 0 };
        switch (command) {
        case REMOTE_READ:
            fill_pattern();
            reply[0] = *(volatile l4_word *)arg[0];
            reply[INTACT] = pattern_intact();
            break;
        case REMOTE_WRITE:
            fill_pattern();
            *(volatile l4_word *)arg[0] = arg[1];
            reply[INTACT] = pattern_intact();
            break;
        case REMOTE_EXECUTE:
            fill_pattern();
            reply[0] = ((l4_word(*)(void))arg[0])();
            reply[INTACT] = pattern_intact();
            break;
        case REMOTE_ACCEPT:
            l4_set_receive_window(arg[0]);
            l4_load_message(command, 0, 0);
            accepted = l4_ipc(driver, arg[1], l4_timeouts(L4_TIMEOUT_ZERO, l4_timeout_us(PATIENT_US)),
                              L4_SND_DESC_NONE);
            request = l4_receive(driver);
            continue;
        case REMOTE_LAST_RECEIVED:
            reply[0] = accepted.dope;
            reply[1] = accepted.from;
            break;
        case REMOTE_SEND_ITEM:
            l4_load_item_message(ITEM_LABEL, arg[1], arg[2], arg[3]);
            reply[0] = l4_send_timeout(arg[0], l4_timeout_us(PATIENT_US)).dope;
            break;
        case REMOTE_UNMAP:
            l4_unmap(arg[0], arg[1]);
            break;
        case REMOTE_RAISE:
            l4_set_exception_handler(arg[0]);
            fill_pattern();
            raise(arg[1]);
            reply[INTACT] = pattern_intact();
            break;
        case REMOTE_EXIT:
            l4_exit_thread();
        default:
            break;
        }
        l4_load_message(command, REPLY_WORDS, reply);
        request = l4_ipc(driver, driver, l4_timeouts(L4_TIMEOUT_ZERO, L4_TIMEOUT_NEVER),
                         L4_SND_DESC_NONE);
    }
}

struct remote_result remote_command(l4_thread_id servant, enum remote_command command,
                                    l4_word count, const l4_word *words,
                                    remote_fault_handler handler)
{
    struct remote_result result = { 0 };
    l4_timeout patient = l4_timeout_us(PATIENT_US);
    l4_load_message(command, count, words);
    l4_ipc_result reply = l4_call_timeouts(servant, patient, patient);
    while (!l4_ipc_failed(reply) && (l4_is_page_fault(l4_mr(0)) || l4_is_exception(l4_mr(0)))) {
        if (result.faults++ == 0) {
            result.first_fault = l4_mr(0);
            for (l4_word i = 0; i < 4; i++)
                result.first_fault_words[i] = l4_mr(1 + i);
        }
        if (!handler || !handler(servant, l4_mr(0))) {
            result.ipc = reply;
            return result;
        }
        reply = l4_ipc(servant, servant, l4_timeouts(L4_TIMEOUT_ZERO, patient), L4_SND_DESC_NONE);
    }
    result.ipc = reply;
    result.value = l4_mr(1);
    result.second = l4_mr(2);
    result.mrs_intact = l4_mr(REMOTE_MRS_INTACT_MR);
    return result;
}
