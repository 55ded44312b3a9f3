#include "spawn.h"

#define IMAGE_BASE 0x00010000u
#define STACK_BOTTOM (SPAWN_STACK_TOP - SPAWN_STACK_PAGES * L4_PAGE_SIZE)

/* .bss follows text, read-only data and data: every code address lies below this one. */
static l4_word code_limit_marker;

void spawner_init(struct spawner *spawner, l4_word pool, l4_word pool_size)
{
    spawner->pool_next = pool;
    spawner->pool_end = pool + pool_size;
}

l4_word spawn(l4_thread_id id, void (*entry)(void))
{
    l4_word result = l4_thread_control(id, id, l4_myself(), SPAWN_UTCB);
    if (result != 0)
        return result;
    return l4_exchange_registers(id, L4_EXREGS_SET_SP_IP | L4_EXREGS_RESUME, SPAWN_STACK_TOP,
                                 (l4_word)entry)
        .result;
}

/* A pool page, touched first so that sigma0 maps it here: a map item only maps what the
   sender has. */
static l4_word take_pool_page(struct spawner *spawner)
{
    if (spawner->pool_next >= spawner->pool_end)
        return 0;
    l4_word page = spawner->pool_next;
    spawner->pool_next += L4_PAGE_SIZE;
    *(volatile l4_word *)page = 0;
    return page;
}

int spawner_serve_fault(struct spawner *spawner, l4_msg_tag fault)
{
    if (!l4_is_page_fault(fault))
        return 0;
    l4_word address = l4_mr(L4_PAGE_FAULT_ADDRESS_MR);
    if (address >= IMAGE_BASE && address < (l4_word)&code_limit_marker &&
        !(l4_page_fault_access(fault) & L4_RIGHTS_W)) {
        l4_load_item_message(0, L4_ITEM_MAP, address, l4_fpage_page(address, L4_RIGHTS_RX));
        return 1;
    }
    if (address >= STACK_BOTTOM && address < SPAWN_STACK_TOP) {
        l4_word page = take_pool_page(spawner);
        if (!page)
            return 0;
        l4_load_item_message(0, L4_ITEM_MAP, address, l4_fpage_page(page, L4_RIGHTS_RW));
        return 1;
    }
    return 0;
}
