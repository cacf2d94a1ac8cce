#include <openssl/rsa.h>
#include <openssl/evp.h>

EVP_PKEY *make_key(EVP_PKEY_CTX *ctx, RSA *rsa, BIGNUM *e)
{
    // ruleid: c-rsa-short-key
    RSA *old = RSA_generate_key(512, RSA_F4, NULL, NULL);
    // ruleid: c-rsa-short-key
    RSA_generate_key_ex(rsa, 1024, e, NULL);
    // ruleid: c-rsa-short-key
    EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, 1024);
    // ok: c-rsa-short-key
    EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, 3072);
    // ok: c-rsa-short-key
    RSA_generate_key_ex(rsa, 2048, e, NULL);
    // ok: c-rsa-short-key
    RSA_generate_key_ex(rsa, bits, e, NULL);
    /* RSA_generate_key(512, ...) in a comment */
    return EVP_RSA_gen(4096);
}

/* fragment */
    // ruleid: c-rsa-short-key
    EVP_PKEY *pkey = EVP_RSA_gen(1024);
    if (!pkey) {

/* Code Shield's test snippets (rsa-key-size-insufficient) */
void icd_rsa(RSA *ctx, BIGNUM *exponent)
{
    // ruleid: c-rsa-short-key
    RSA_generate_key_ex(ctx, 1024, exponent, nullptr);
    // ruleid: c-rsa-short-key
    RSA_generate_key(ctx, 768, exponent, nullptr);
    // ok: c-rsa-short-key
    RSA_generate_key_ex(ctx, 2048, exponent, nullptr);
    // ok: c-rsa-short-key
    RSA *r = RSA_generate_key(2048, 65537, NULL, NULL);
}
