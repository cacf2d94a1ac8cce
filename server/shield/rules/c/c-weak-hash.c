#include <openssl/evp.h>
#include <openssl/md5.h>
#include <openssl/sha.h>

void digest(const unsigned char *data, size_t len, unsigned char *out, EVP_MD_CTX *ctx)
{
    // ruleid: c-weak-hash
    MD5(data, len, out);
    // ruleid: c-weak-hash
    EVP_DigestInit_ex(ctx, EVP_sha1(), NULL);
    // ruleid: c-weak-hash
    const EVP_MD *md = EVP_get_digestbyname("md5");
    SHA_CTX c;
    // ruleid: c-weak-hash
    SHA1_Init(&c);
    SHA1_Update(&c, data, len);
    // ok: c-weak-hash
    SHA256(data, len, out);
    // ok: c-weak-hash
    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    // ok: c-weak-hash
    const EVP_MD *good = EVP_get_digestbyname("sha512");
    // ok: c-weak-hash
    printf("MD5(data) is weak\n");
    /* EVP_md5() in a comment */
}

/* fragment */
    unsigned char sum[MD5_DIGEST_LENGTH];
    // ruleid: c-weak-hash
    EVP_Digest(password, strlen(password), sum, NULL, EVP_md5(), NULL);

/* Code Shield's test snippets (md5-usage, sha1-usage, md2-or-md4-hash-usage) */
void icd_hashes(void)
{
    // ruleid: c-weak-hash
    MD5_Init(&md5ctx);
    // ruleid: c-weak-hash
    SHA1_Init(&sha1ctx);
    // ruleid: c-weak-hash
    EVP_DigestInit_ex(ctx, EVP_md4(), NULL);
    // ok: c-weak-hash
    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
}
