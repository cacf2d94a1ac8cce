#include <openssl/ec.h>
#include <openssl/bn.h>

EC_KEY *make_key(void)
{
    // ruleid: c-weak-ec-curve
    EC_KEY *k = EC_KEY_new_by_curve_name(NID_X9_62_prime192v1);
    // ruleid: c-weak-ec-curve
    EC_GROUP *g = EC_GROUP_new_by_curve_name(NID_secp160r1);
    // ok: c-weak-ec-curve
    EC_KEY *good = EC_KEY_new_by_curve_name(NID_X9_62_prime256v1);
    // ok: c-weak-ec-curve
    EC_GROUP *g384 = EC_GROUP_new_by_curve_name(NID_secp384r1);
    // ok: c-weak-ec-curve
    const BIGNUM *p256 = BN_get0_nist_prime_256();
    /* BN_get0_nist_prime_192() in a comment */
    return k;
}

/* Code Shield's test snippet (outdated-nist-prime-192-usage) */
void icd_prime(void)
{
    // ruleid: c-weak-ec-curve
    const BIGNUM *p = BN_get0_nist_prime_192();
}
