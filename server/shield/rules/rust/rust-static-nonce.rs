use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng};
use aes_gcm::{Aes256Gcm, Nonce};

fn seal(cipher: &Aes256Gcm, msg: &[u8]) -> Vec<u8> {
    // ruleid: rust-static-nonce
    let nonce = Nonce::from_slice(b"unique nonce");
    let a = cipher.encrypt(nonce, msg).unwrap();
    // ruleid: rust-static-nonce
    let nonce_bytes = [0u8; 12];
    let b = cipher.encrypt(Nonce::from_slice(&nonce_bytes), msg).unwrap();
    [a, b].concat()
}

fn seal_ok(cipher: &Aes256Gcm, msg: &[u8]) -> Vec<u8> {
    // ok: rust-static-nonce
    let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
    // ok: rust-static-nonce
    let n2 = Nonce::from_slice(&header[..12]);
    // Nonce::from_slice(b"unique nonce") in a comment
    let mut c = cipher.encrypt(&nonce, msg).unwrap();
    c.extend_from_slice(n2);
    c
}

fn seal_filled(cipher: &Aes256Gcm, msg: &[u8]) -> Vec<u8> {
    // ok: rust-static-nonce
    let mut nonce = [0u8; 12];
    OsRng.fill_bytes(&mut nonce);
    cipher.encrypt(Nonce::from_slice(&nonce), msg).unwrap()
}

// fragment: a function cut off
fn encrypt_token(key: &Key<Aes256Gcm>, token: &[u8]) -> Vec<u8> {
    let cipher = Aes256Gcm::new(key);
    // ruleid: rust-static-nonce
    let nonce = GenericArray::from_slice(b"fixed-nonce!");
    cipher.encrypt(nonce, token)
