#include <openssl/ssl.h>

SSL_CTX *make_ctx(int server)
{
    // ruleid: c-ssl-legacy-method
    SSL_CTX *a = SSL_CTX_new(SSLv3_method());
    // ruleid: c-ssl-legacy-method
    SSL_CTX *b = SSL_CTX_new(TLSv1_client_method());
    // ok: c-ssl-legacy-method
    SSL_CTX *c = SSL_CTX_new(TLS_client_method());
    // ok: c-ssl-legacy-method
    SSL_CTX *d = SSL_CTX_new(TLSv1_2_server_method());
    /* SSLv3_method() in a comment */
    return server ? c : d;
}

/* fragment */
    // ruleid: c-ssl-legacy-method
    ctx = SSL_CTX_new(TLSv1_1_method());
    if (!ctx) {

void modern(void)
{
    // ok: c-ssl-legacy-method
    SSL_CTX *s = SSL_CTX_new(TLS_server_method());
}
