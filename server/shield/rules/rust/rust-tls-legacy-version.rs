use native_tls::{Protocol, TlsConnector};
use openssl::ssl::{SslContextBuilder, SslVersion};

fn configure(ctx: &mut SslContextBuilder) -> anyhow::Result<TlsConnector> {
    // ruleid: rust-tls-legacy-version
    ctx.set_min_proto_version(Some(SslVersion::TLS1))?;
    // ok: rust-tls-legacy-version
    ctx.set_min_proto_version(Some(SslVersion::TLS1_2))?;
    // ok: rust-tls-legacy-version
    ctx.set_max_proto_version(None)?;
    // set_min_proto_version(Some(SslVersion::TLS1)) in a comment
    Ok(TlsConnector::builder()
        // ruleid: rust-tls-legacy-version
        .min_protocol_version(Some(Protocol::Tlsv10))
        .build()?)
}

// fragment
    // ruleid: rust-tls-legacy-version
    builder.set_min_proto_version(Some(openssl::ssl::SslVersion::SSL3)).unwrap();

fn modern(ctx: &mut SslContextBuilder) {
    // ok: rust-tls-legacy-version
    ctx.set_min_proto_version(Some(SslVersion::TLS1_3)).unwrap();
}
