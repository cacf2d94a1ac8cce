#include <stdlib.h>
#include <time.h>
#include <unistd.h>

void init(void)
{
    // ruleid: c-srand-predictable-seed
    srand(time(NULL));
    // ruleid: c-srand-predictable-seed
    srandom((unsigned)time(0) ^ getpid());
    // ok: c-srand-predictable-seed
    srand(seed_from_config);
    // ok: c-srand-predictable-seed
    time_t now = time(NULL);
    // ok: c-srand-predictable-seed
    unsigned int s; getrandom(&s, sizeof s, 0); srand(s);
    /* srand(time(NULL)) in a comment */
}

/* fragment */
    // ruleid: c-srand-predictable-seed
    std::srand(static_cast<unsigned>(std::time(nullptr)));
    int roll = std::rand() % 6;
