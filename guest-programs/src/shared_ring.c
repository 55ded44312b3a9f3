/*
 * Shared memory: a producer and a consumer pass 1,000 items through a ring in a <shared>
 * region, and use IPC only to wait. The ring is mapped read-write in the producer and
 * read-only in the consumer; the consumer's count of items taken is in a second region, the
 * other way round.
 *
 * Why it cannot deadlock or lose a wake-up: the consumer waits only by calling the producer
 * with the count it has taken ("wake me when there is more"). The call's receive phase begins
 * as its send completes (S4), so raising that flag and waiting are one atomic step, and the
 * producer's reply, sent with a zero timeout, always finds the consumer waiting. The producer
 * answers such a call as soon as the ring holds more than the consumer had; it blocks only
 * when the ring is full, waiting for the call the consumer makes once it has emptied it.
 * At the end the consumer tries to write into the read-only ring, and the kernel stops it.
 */
#include <l4.h>
#include "common/roles.h"

#define RING ((volatile struct ring *)0x50000000u)
#define TAKEN ((volatile l4_word *)0x51000000u)
#define SLOTS 16
#define ITEMS 1000
#define LABEL_WAKE_ME 1
#define LABEL_DONE 2

struct ring {
    l4_word produced;
    l4_word slot[SLOTS];
};

#define MEMORY_BARRIER() __asm__ volatile("" ::: "memory")

static l4_word item(l4_word index)
{
    return index * 2654435761u;
}

/* Producer side. */
static l4_thread_id consumer_id;
static int consumer_waits;
static l4_word consumer_had; /* items the waiting consumer had taken */
static int consumer_done;

static void wake_consumer_if_more(void)
{
    if (consumer_waits && RING->produced > consumer_had) {
        l4_load_message(LABEL_WAKE_ME, 0, 0);
        l4_reply(consumer_id);
        consumer_waits = 0;
    }
}

static void take_call(l4_ipc_result call)
{
    if (l4_ipc_failed(call))
        return;
    if (l4_msg_tag_label(l4_mr(0)) == LABEL_DONE) {
        consumer_done = 1;
        return;
    }
    consumer_waits = 1;
    consumer_had = l4_mr(1);
    wake_consumer_if_more();
}

static void producer(void)
{
    consumer_id = l4_lookup("consumer");
    l4_word times_full = 0;
    for (l4_word i = 0; i < ITEMS; i++) {
        if (RING->produced - *TAKEN == SLOTS) {
            times_full++;
            while (RING->produced - *TAKEN == SLOTS)
                take_call(l4_receive(consumer_id));
        }
        RING->slot[i % SLOTS] = item(i);
        MEMORY_BARRIER();
        RING->produced = i + 1;
        if (consumer_waits)
            wake_consumer_if_more();
        else
            take_call(l4_receive_timeout(consumer_id, L4_TIMEOUT_ZERO));
    }
    while (!consumer_done)
        take_call(l4_receive(consumer_id));
    l4_printf("producer: %u items produced; the ring was full %u times\n", ITEMS, times_full);
    l4_load_message(LABEL_DONE, 0, 0);
    l4_reply(consumer_id);
}

/* Consumer side. */
static void consumer(void)
{
    l4_thread_id producer_id = l4_lookup("producer");
    l4_word in_order = 1;
    l4_word sum = 0;
    l4_word waits = 0;
    for (l4_word taken = 0; taken < ITEMS;) {
        if (RING->produced == taken) {
            waits++;
            l4_load_message(LABEL_WAKE_ME, 1, &taken);
            l4_call(producer_id);
            continue;
        }
        MEMORY_BARRIER();
        l4_word value = RING->slot[taken % SLOTS];
        in_order &= value == item(taken);
        sum += value;
        *TAKEN = ++taken;
    }
    l4_load_message(LABEL_DONE, 0, 0);
    l4_call(producer_id);
    l4_printf("consumer: %u items taken, all in order: %s, sum 0x%x\n", ITEMS, in_order ? "yes" : "no", sum);
    l4_printf("consumer: waited for the producer %u times\n", waits);
    l4_print("consumer: writing into the ring, which is read-only here\n");
    RING->produced = 0;
    l4_print("consumer: unreachable\n");
}

static const struct role roles[] = {
    { "producer", producer },
    { "consumer", consumer },
};

int main(void)
{
    PLAY_MY_ROLE(roles);
}
