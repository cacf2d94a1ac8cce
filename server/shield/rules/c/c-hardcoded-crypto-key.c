#include <openssl/evp.h>
#include <openssl/hmac.h>

// ruleid: c-hardcoded-crypto-key
static const unsigned char aes_key[32] = "0123456789abcdef0123456789abcdef";
// ruleid: c-hardcoded-crypto-key
#define HMAC_KEY "k3y-for-signing"

int seal(EVP_CIPHER_CTX *ctx, const unsigned char *iv, const unsigned char *msg, size_t n, unsigned char *mac)
{
    // ruleid: c-hardcoded-crypto-key
    unsigned char key[16] = {0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c};
    // ruleid: c-hardcoded-crypto-key
    HMAC(EVP_sha256(), "my-secret", 9, msg, n, mac, NULL);
    // ruleid: c-hardcoded-crypto-key
    EVP_EncryptInit_ex(ctx, EVP_aes_128_cbc(), NULL, (const unsigned char *)"sixteen byte key", iv);
    // ok: c-hardcoded-crypto-key
    EVP_EncryptInit_ex(ctx, EVP_aes_128_gcm(), NULL, key, iv);
    // ok: c-hardcoded-crypto-key
    const char *key_name = "primary";
    // ok: c-hardcoded-crypto-key
    const char *lookup_key = "user:42";
    // ok: c-hardcoded-crypto-key
    int key_len = 16;
    return 0;
}

int fresh(EVP_CIPHER_CTX *ctx, const unsigned char *iv)
{
    // ok: c-hardcoded-crypto-key
    unsigned char session_key[32] = {0};
    RAND_bytes(session_key, sizeof session_key);
    /* unsigned char key[16] = "0123456789abcdef"; in a comment */
    return EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, session_key, iv);
}

/* ok: c-hardcoded-crypto-key */
static const char *key = "name";
