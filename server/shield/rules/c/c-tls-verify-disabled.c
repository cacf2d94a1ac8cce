#include <openssl/ssl.h>
#include <curl/curl.h>

void setup(SSL_CTX *ctx, SSL *ssl, CURL *curl)
{
    // ruleid: c-tls-verify-disabled
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
    // ruleid: c-tls-verify-disabled
    SSL_set_verify(ssl, SSL_VERIFY_NONE, verify_cb);
    // ruleid: c-tls-verify-disabled
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
    // ok: c-tls-verify-disabled
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
    // ok: c-tls-verify-disabled
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    // ok: c-tls-verify-disabled
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    /* SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL) in a comment */
}

/* fragment */
    CURL *h = curl_easy_init();
    // ruleid: c-tls-verify-disabled
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, FALSE);
