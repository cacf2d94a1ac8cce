#include <openssl/evp.h>
#include <openssl/des.h>
#include <openssl/rc4.h>

int encrypt(EVP_CIPHER_CTX *ctx, const unsigned char *key, const unsigned char *iv)
{
    // ruleid: c-weak-cipher
    EVP_EncryptInit_ex(ctx, EVP_des_ede3_cbc(), NULL, key, iv);
    // ruleid: c-weak-cipher
    EVP_EncryptInit_ex(ctx, EVP_rc4(), NULL, key, NULL);
    RC4_KEY rk;
    // ruleid: c-weak-cipher
    RC4_set_key(&rk, 16, key);
    // ruleid: c-weak-cipher
    const EVP_CIPHER *c = EVP_get_cipherbyname("des-cbc");
    // ok: c-weak-cipher
    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, iv);
    // ok: c-weak-cipher
    EVP_EncryptInit_ex(ctx, EVP_chacha20_poly1305(), NULL, key, iv);
    // ok: c-weak-cipher
    const EVP_CIPHER *g = EVP_get_cipherbyname("aes-256-gcm");
    /* EVP_des_cbc() is weak */
    return c != NULL && g != NULL;
}

/* fragment */
    DES_cblock k;
    DES_key_schedule ks;
    // ruleid: c-weak-cipher
    DES_set_key_checked(&k, &ks);

/* Code Shield's test snippets (blowfish-encryption-usage, des-algorithm-usage) */
void icd_ciphers(void)
{
    // ruleid: c-weak-cipher
    BF_encrypt(data, &bf_key);
    // ruleid: c-weak-cipher
    BF_decrypt(data, &bf_key);
    // ruleid: c-weak-cipher
    const EVP_CIPHER *c1 = EVP_bf_ecb();
    // ruleid: c-weak-cipher
    const EVP_CIPHER *c2 = EVP_des_cbc();
    // ok: c-weak-cipher
    const EVP_CIPHER *c3 = EVP_aes_256_gcm();
}
