use openssl::rsa::Rsa;
use rsa::RsaPrivateKey;

fn keys(bits: usize) -> anyhow::Result<()> {
    let mut rng = rand::thread_rng();
    // ruleid: rust-rsa-short-key
    let weak = RsaPrivateKey::new(&mut rng, 1024)?;
    // ruleid: rust-rsa-short-key
    let old = Rsa::generate(512)?;
    // ok: rust-rsa-short-key
    let strong = RsaPrivateKey::new(&mut rng, 3072)?;
    // ok: rust-rsa-short-key
    let custom = RsaPrivateKey::new(&mut rng, bits)?;
    // Rsa::generate(512) in a comment
    drop((weak, old, strong, custom));
    Ok(())
}

// fragment
    // ruleid: rust-rsa-short-key
    let key = openssl::rsa::Rsa::generate(1024).expect("keygen");

fn strong_openssl() {
    // ok: rust-rsa-short-key
    let key = openssl::rsa::Rsa::generate(4096).expect("keygen");
}
