#include "fuzz_random.h"

static l4_u64 splitmix64(l4_u64 *x)
{
    l4_u64 z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void fuzz_random_seed(struct fuzz_random *random, l4_u64 seed, l4_word stream)
{
    l4_u64 mix = seed ^ ((l4_u64)stream << 32 | stream);
    random->state = splitmix64(&mix);
    if (random->state == 0) /* the one state xorshift never leaves */
        random->state = 1;
}

l4_word fuzz_next(struct fuzz_random *random)
{
    l4_u64 x = random->state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    random->state = x;
    return (l4_word)((x * 0x2545F4914F6CDD1Dull) >> 32);
}

l4_word fuzz_below(struct fuzz_random *random, l4_word bound)
{
    return (l4_word)(((l4_u64)fuzz_next(random) * bound) >> 32);
}

l4_word fuzz_between(struct fuzz_random *random, l4_word low, l4_word high)
{
    return low + fuzz_below(random, high - low + 1);
}

int fuzz_chance(struct fuzz_random *random, l4_word percent)
{
    return fuzz_below(random, 100) < percent;
}

l4_word fuzz_weighted(struct fuzz_random *random, const l4_word *weights, l4_word count)
{
    l4_word total = 0;
    for (l4_word i = 0; i < count; i++)
        total += weights[i];
    l4_word pick = fuzz_below(random, total);
    for (l4_word i = 0; i < count; i++) {
        if (pick < weights[i])
            return i;
        pick -= weights[i];
    }
    return count - 1;
}
