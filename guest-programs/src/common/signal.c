#include "signal.h"

l4_ipc_result send_signal(l4_thread_id to, l4_word label)
{
    l4_load_message(label, 0, 0);
    return l4_send_timeout(to, l4_timeout_us(PATIENT_US));
}
