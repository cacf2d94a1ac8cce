use aes_gcm::{Aes256Gcm, Key, KeyInit};
use hmac::{Hmac, Mac};
use jsonwebtoken::{encode, DecodingKey, EncodingKey, Header};
use sha2::Sha256;

fn issue(claims: &Claims, key_bytes: &[u8]) -> anyhow::Result<String> {
    // ruleid: rust-hardcoded-crypto-key
    let token = encode(&Header::default(), claims, &EncodingKey::from_secret("secret".as_ref()))?;
    // ruleid: rust-hardcoded-crypto-key
    let mut mac = Hmac::<Sha256>::new_from_slice(b"webhook-signing-key")?;
    // ruleid: rust-hardcoded-crypto-key
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(b"an example very very secret key."));
    // ok: rust-hardcoded-crypto-key
    let dk = DecodingKey::from_secret(key_bytes);
    let secret = std::env::var("JWT_SECRET")?;
    // ok: rust-hardcoded-crypto-key
    let ek = EncodingKey::from_secret(secret.as_bytes());
    // EncodingKey::from_secret(b"secret") in a comment
    mac.update(token.as_bytes());
    drop((cipher, dk, ek));
    Ok(token)
}

// fragment
    // ruleid: rust-hardcoded-crypto-key
    let key = hmac::Key::new(hmac::HMAC_SHA256, b"super-secret");
    let tag = hmac::sign(&key, msg);

fn from_env() -> Result<(), Box<dyn std::error::Error>> {
    // ok: rust-hardcoded-crypto-key
    let key = DecodingKey::from_secret(std::env::var("JWT_SECRET")?.as_bytes());
    Ok(())
}
