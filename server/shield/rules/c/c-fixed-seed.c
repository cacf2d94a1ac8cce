#include <stdlib.h>

void init(void)
{
    // ruleid: c-fixed-seed
    srand(1);
    // ruleid: c-fixed-seed
    long seed = 123456789L;
    // ok: c-fixed-seed
    srand((unsigned) time(NULL));
    // ok: c-fixed-seed
    long seed2 = read_seed();
    // ok: c-fixed-seed
    int seeds_total = 4;
}

unsigned int next_seed(unsigned int seed)
{
    // ok: c-fixed-seed
    seed |= 1;
    // ok: c-fixed-seed
    seed += 2;
    return seed;
}
