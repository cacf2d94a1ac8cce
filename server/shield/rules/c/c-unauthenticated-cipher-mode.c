#include <openssl/evp.h>

int encrypt(EVP_CIPHER_CTX *ctx, const unsigned char *key, const unsigned char *iv)
{
    // ruleid: c-unauthenticated-cipher-mode
    EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, key, iv);
    // ruleid: c-unauthenticated-cipher-mode
    const EVP_CIPHER *ctr = EVP_aes_128_ctr();
    // ruleid: c-unauthenticated-cipher-mode
    const EVP_CIPHER *cfb = EVP_aes_256_cfb8();
    // ok: c-unauthenticated-cipher-mode
    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, iv);
    // ok: c-unauthenticated-cipher-mode
    const EVP_CIPHER *chacha = EVP_chacha20_poly1305();
    // ok: c-unauthenticated-cipher-mode
    const EVP_CIPHER *stitched = EVP_aes_128_cbc_hmac_sha256();
    /* EVP_aes_256_cbc() in a comment */
    return 0;
}

/* Code Shield's test snippet (unauthenticated-encryption-usage) */
void icd_des(void)
{
    // ruleid: c-unauthenticated-cipher-mode
    const EVP_CIPHER *c = EVP_des_cbc();
}
