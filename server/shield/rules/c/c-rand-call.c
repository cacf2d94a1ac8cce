#include <stdlib.h>

int roll(void)
{
    // ruleid: c-rand-call
    return rand() % 6 + 1;
}

void shuffle(int *a, int n)
{
    for (int i = n - 1; i > 0; i--) {
        // ruleid: c-rand-call
        int j = random() % (i + 1);
        int t = a[i]; a[i] = a[j]; a[j] = t;
    }
    // ok: c-rand-call
    srand(seed);
    // ok: c-rand-call
    arc4random_buf(a, sizeof *a);
    // ok: c-rand-call
    RAND_bytes((unsigned char *)a, sizeof *a);
    // ok: c-rand-call
    int v = my_rand();
    /* rand() in a comment */
}

/* Code Shield's test snippets (crypto-weak-prng) */
// ruleid: c-rand-call
int icd_rand(void) { return rand(); }
// ok: c-rand-call
void icd_srand(void) { srand(); }
