use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};

fn client(insecure: bool) -> reqwest::Result<reqwest::Client> {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    // ruleid: rust-tls-accept-invalid-certs
    builder.set_verify(SslVerifyMode::NONE);
    // ok: rust-tls-accept-invalid-certs
    builder.set_verify(SslVerifyMode::PEER);
    // ok: rust-tls-accept-invalid-certs
    let strict = reqwest::Client::builder().danger_accept_invalid_certs(false).build()?;
    // ok: rust-tls-accept-invalid-certs
    let flagged = reqwest::Client::builder().danger_accept_invalid_certs(insecure).build()?;
    // .danger_accept_invalid_certs(true) in a comment
    drop((strict, flagged));
    reqwest::Client::builder()
        // ruleid: rust-tls-accept-invalid-certs
        .danger_accept_invalid_certs(true)
        .build()
}

// fragment
    let connector = native_tls::TlsConnector::builder()
        // ruleid: rust-tls-accept-invalid-certs
        .danger_accept_invalid_certs(true)

/* Code Shield's test snippet (RUST-R-010, openssl-sys style) */
fn icd(ctx: &mut SslContextBuilder) {
    // ruleid: rust-tls-accept-invalid-certs
    ctx.set_verify(SSL_VERIFY_NONE);
    // ok: rust-tls-accept-invalid-certs
    ctx.set_verify(SSL_VERIFY_PEER);
}
