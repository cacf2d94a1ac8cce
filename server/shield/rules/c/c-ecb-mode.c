#include <openssl/evp.h>
#include <openssl/aes.h>

void seal(EVP_CIPHER_CTX *ctx, const unsigned char *key, const unsigned char *iv, AES_KEY *ak,
          const unsigned char *in, unsigned char *out)
{
    // ruleid: c-ecb-mode
    EVP_EncryptInit_ex(ctx, EVP_aes_128_ecb(), NULL, key, NULL);
    // ruleid: c-ecb-mode
    AES_ecb_encrypt(in, out, ak, AES_ENCRYPT);
    // ruleid: c-ecb-mode
    const EVP_CIPHER *c = EVP_get_cipherbyname("aes-256-ecb");
    // ok: c-ecb-mode
    EVP_EncryptInit_ex(ctx, EVP_aes_128_gcm(), NULL, key, iv);
    // ok: c-ecb-mode
    EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, key, iv);
    // ok: c-ecb-mode
    const EVP_CIPHER *g = EVP_get_cipherbyname("aes-256-gcm");
    /* EVP_aes_128_ecb() leaks patterns */
}

/* fragment */
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    // ruleid: c-ecb-mode
    if (!EVP_DecryptInit_ex(ctx, EVP_aes_256_ecb(), NULL, key, NULL)) {

/* Code Shield's test snippets (ecb-mode-encryption-usage) */
void icd_ecb(void)
{
    // ruleid: c-ecb-mode
    const EVP_CIPHER *c1 = EVP_bf_ecb();
    // ok: c-ecb-mode
    const EVP_CIPHER *c2 = EVP_aes_256_gcm();
}
