#include <sodium.h>

// ruleid: c-static-nonce
static const unsigned char NONCE[crypto_aead_chacha20poly1305_IETF_NPUBBYTES] = {0};

int seal(unsigned char *c, unsigned long long *clen, const unsigned char *m, unsigned long long mlen,
         const unsigned char *key)
{
    // ruleid: c-static-nonce
    unsigned char nonce[12] = "abcdefghijkl";
    // ok: c-static-nonce
    unsigned char nonce_len[1] = {12};
    // ok: c-static-nonce
    size_t nonce_size = 12;
    return crypto_aead_chacha20poly1305_ietf_encrypt(c, clen, m, mlen, NULL, 0, NULL, nonce, key);
}

int seal_random(unsigned char *c, unsigned long long *clen, const unsigned char *m, unsigned long long mlen,
                const unsigned char *key)
{
    // ok: c-static-nonce
    unsigned char nonce[12] = {0};
    randombytes_buf(nonce, sizeof nonce);
    /* unsigned char nonce[12] = {0}; alone would be a reused nonce */
    return crypto_aead_chacha20poly1305_ietf_encrypt(c, clen, m, mlen, NULL, 0, NULL, nonce, key);
}

/* Code Shield's test snippet (fixed-nonce-usage) */
// ruleid: c-static-nonce
const char* nonce = "abc";
