#include <openssl/rsa.h>
#include <openssl/evp.h>

int wrap_key(RSA *rsa, const unsigned char *key, int len, unsigned char *out)
{
    // ruleid: c-rsa-no-oaep
    int n = RSA_public_encrypt(len, key, out, rsa, RSA_PKCS1_PADDING);
    // ruleid: c-rsa-no-oaep
    n += RSA_private_decrypt(len, out, out, rsa, RSA_NO_PADDING);
    // ok: c-rsa-no-oaep
    n += RSA_public_encrypt(len, key, out, rsa, RSA_PKCS1_OAEP_PADDING);
    // ok: c-rsa-no-oaep
    n += RSA_private_encrypt(len, key, out, rsa, RSA_PKCS1_PADDING);
    return n;
}

int evp_encrypt(EVP_PKEY_CTX *ctx, unsigned char *out, size_t *outlen, const unsigned char *in, size_t inlen)
{
    EVP_PKEY_encrypt_init(ctx);
    // ruleid: c-rsa-no-oaep
    EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING);
    return EVP_PKEY_encrypt(ctx, out, outlen, in, inlen);
}

int evp_sign(EVP_PKEY_CTX *ctx, unsigned char *sig, size_t *siglen, const unsigned char *md, size_t mdlen)
{
    EVP_PKEY_sign_init(ctx);
    // ok: c-rsa-no-oaep
    EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING);
    /* RSA_public_encrypt(len, key, out, rsa, RSA_PKCS1_PADDING) in a comment */
    return EVP_PKEY_sign(ctx, sig, siglen, md, mdlen);
}
