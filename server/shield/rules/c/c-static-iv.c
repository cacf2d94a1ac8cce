#include <openssl/evp.h>
#include <openssl/rand.h>

// ruleid: c-static-iv
static const unsigned char iv[16] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f};

int seal(EVP_CIPHER_CTX *ctx, const unsigned char *key)
{
    // ruleid: c-static-iv
    unsigned char default_iv[] = "1234567890abcdef";
    // ruleid: c-static-iv
    EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, key, (const unsigned char *)"0000000000000000");
    // ok: c-static-iv
    EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, key, default_iv);
    // ok: c-static-iv
    unsigned char ivec_len[4] = {16};
    return 0;
}

int seal_random(EVP_CIPHER_CTX *ctx, const unsigned char *key)
{
    // ok: c-static-iv
    unsigned char iv[16] = {0};
    RAND_bytes(iv, sizeof iv);
    /* unsigned char iv[16] = {0}; without RAND_bytes would be wrong */
    return EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, iv);
}
