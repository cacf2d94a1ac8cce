use std::sync::Arc;
use rustls::ClientConfig;

fn tls_config(roots: rustls::RootCertStore) -> ClientConfig {
    // ruleid: rust-rustls-dangerous-verifier
    let insecure = ClientConfig::builder().dangerous().with_custom_certificate_verifier(Arc::new(NoVerifier)).with_no_client_auth();
    let mut cfg = ClientConfig::builder().with_root_certificates(roots).with_no_client_auth();
    // ruleid: rust-rustls-dangerous-verifier
    cfg.dangerous().set_certificate_verifier(Arc::new(AcceptAll));
    // ok: rust-rustls-dangerous-verifier
    let ok = ClientConfig::builder().with_root_certificates(roots.clone()).with_no_client_auth();
    // ok: rust-rustls-dangerous-verifier
    let flag = op.is_dangerous();
    // ok: rust-rustls-dangerous-verifier
    let dangerous = false;
    // cfg.dangerous() in a comment
    cfg
}

// ruleid: rust-rustls-dangerous-verifier
fn old(d: DangerousClientConfig) {}
