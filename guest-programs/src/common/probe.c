#include "probe.h"

static l4_word hole;

void probe_use_hole(l4_word page_address)
{
    hole = page_address;
}

int probe_fill_with_hole(l4_thread_id servant, l4_msg_tag fault)
{
    (void)servant;
    if (!l4_is_page_fault(fault))
        return 0;
    l4_load_item_message(0, L4_ITEM_MAP, l4_mr(L4_PAGE_FAULT_ADDRESS_MR),
                         l4_fpage_page(hole, L4_RIGHTS_RW));
    return 1;
}

const char *fault_access_name(l4_msg_tag fault)
{
    switch (l4_page_fault_access(fault)) {
    case L4_RIGHTS_R:
        return "read";
    case L4_RIGHTS_W:
        return "write";
    case L4_RIGHTS_X:
        return "execute";
    default:
        return "unknown access";
    }
}

static char *outcome(struct remote_result result, const char *success, char text[PROBE_TEXT_SIZE])
{
    char dope[L4_DOPE_TEXT_SIZE];
    if (result.faults > 0) {
        l4_unmap(l4_fpage_page(hole, L4_RIGHTS_RWX), 0);
        return l4_snprintf(text, PROBE_TEXT_SIZE, "page fault (%s)", fault_access_name(result.first_fault));
    }
    if (l4_ipc_failed(result.ipc))
        return l4_snprintf(text, PROBE_TEXT_SIZE, "no reply: %s", l4_describe_dope(result.ipc.dope, dope));
    return l4_snprintf(text, PROBE_TEXT_SIZE, "%s", success);
}

char *probe_read(l4_thread_id servant, l4_word address, char text[PROBE_TEXT_SIZE])
{
    struct remote_result result =
        remote_command(servant, REMOTE_READ, 1, &address, probe_fill_with_hole);
    char value[16];
    return outcome(result, l4_snprintf(value, sizeof value, "0x%x", result.value), text);
}

char *probe_write(l4_thread_id servant, l4_word address, l4_word value,
                  char text[PROBE_TEXT_SIZE])
{
    struct remote_result result = remote_command(servant, REMOTE_WRITE, 2,
                                                 (l4_word[]){ address, value }, probe_fill_with_hole);
    return outcome(result, "written", text);
}
