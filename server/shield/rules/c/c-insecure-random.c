#include <stdlib.h>

static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";

void make_session_id(char *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        // ruleid: c-insecure-random
        out[i] = alphabet[rand() % 36];
}

void fill(struct user *u)
{
    // ruleid: c-insecure-random
    u->reset_token = random();
    // ruleid: c-insecure-random
    unsigned int salt = (unsigned int)rand();
    // ok: c-insecure-random
    int dice = rand() % 6 + 1;
    // ok: c-insecure-random
    double jitter = drand48() * 0.1;
    // ok: c-insecure-random
    arc4random_buf(u->key, sizeof u->key);
    /* token = rand() in a comment */
}

/* fragment */
    char otp[7];
    for (int i = 0; i < 6; i++)
        // ruleid: c-insecure-random
        otp[i] = '0' + rand() % 10;
