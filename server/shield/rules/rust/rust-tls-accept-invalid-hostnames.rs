fn connector(cfg: &Config) -> native_tls::Result<native_tls::TlsConnector> {
    let mut conf = ssl_connector.configure().unwrap();
    // ruleid: rust-tls-accept-invalid-hostnames
    conf.set_verify_hostname(false);
    // ok: rust-tls-accept-invalid-hostnames
    conf.set_verify_hostname(true);
    // ok: rust-tls-accept-invalid-hostnames
    let c = reqwest::Client::builder().danger_accept_invalid_hostnames(cfg.lax).build();
    // danger_accept_invalid_hostnames(true) in a comment
    native_tls::TlsConnector::builder()
        // ruleid: rust-tls-accept-invalid-hostnames
        .danger_accept_invalid_hostnames(true)
        .build()
}

// fragment
    let client = reqwest::blocking::Client::builder()
        // ruleid: rust-tls-accept-invalid-hostnames
        .danger_accept_invalid_hostnames(true)
        // ok: rust-tls-accept-invalid-hostnames
        .danger_accept_invalid_hostnames(false)
