/* The fuzzers' reproducible randomness: one xorshift64* stream per thread, seeded by splitmix64
   from the run's seed and the thread's ID, so a seed replays the same run exactly. */
#ifndef FUZZ_RANDOM_H
#define FUZZ_RANDOM_H

#include <l4.h>

struct fuzz_random {
    l4_u64 state;
};

/* The stream for `stream` (a thread ID) under `seed`. */
void fuzz_random_seed(struct fuzz_random *random, l4_u64 seed, l4_word stream);

l4_word fuzz_next(struct fuzz_random *random);

/* Uniform in [0, bound); bound > 0. */
l4_word fuzz_below(struct fuzz_random *random, l4_word bound);

/* In [low, high]. */
l4_word fuzz_between(struct fuzz_random *random, l4_word low, l4_word high);

/* True with `percent` % probability. */
int fuzz_chance(struct fuzz_random *random, l4_word percent);

/* An index into `weights[0..count)`, each chosen in proportion to its weight. */
l4_word fuzz_weighted(struct fuzz_random *random, const l4_word *weights, l4_word count);

#define FUZZ_WEIGHTED(random, weights) fuzz_weighted(random, weights, sizeof weights / sizeof weights[0])

#endif
