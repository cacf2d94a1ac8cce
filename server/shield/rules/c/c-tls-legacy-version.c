#include <openssl/ssl.h>

SSL_CTX *make_ctx(void)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    // ruleid: c-tls-legacy-version
    SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
    // ruleid: c-tls-legacy-version
    SSL_CTX_set_max_proto_version(ctx, TLS1_1_VERSION);
    // ok: c-tls-legacy-version
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    // ok: c-tls-legacy-version
    SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION);
    /* SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION) in a comment */
    return ctx;
}

/* fragment */
    // ruleid: c-tls-legacy-version
    if (!SSL_set_min_proto_version(ssl, SSL3_VERSION))

void pin_modern(SSL *ssl)
{
    // ok: c-tls-legacy-version
    SSL_set_min_proto_version(ssl, TLS1_3_VERSION);
}
