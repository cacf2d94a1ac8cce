use md5::{Digest, Md5};
use openssl::hash::{hash, MessageDigest};
use sha1::Sha1;
use sha2::Sha256;

fn fingerprint(password: &[u8], salt: &[u8]) -> Vec<u8> {
    // ruleid: rust-weak-hash
    let mut h = Md5::new();
    h.update(salt);
    h.update(password);
    // ruleid: rust-weak-hash
    let s = Sha1::digest(password);
    // ruleid: rust-weak-hash
    let o = hash(MessageDigest::sha1(), password).unwrap();
    // ruleid: rust-weak-hash
    let legacy = md5::compute(password);
    // ok: rust-weak-hash
    let good = Sha256::digest(password);
    // ok: rust-weak-hash
    let g2 = hash(MessageDigest::sha256(), password).unwrap();
    // Md5::new() in a comment
    let label = "md5::compute";
    [h.finalize().to_vec(), s.to_vec(), o.to_vec(), legacy.0.to_vec(), good.to_vec(), g2.to_vec(), label.into()].concat()
}

// fragment
    // ruleid: rust-weak-hash
    let digest = ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, token.as_bytes());

/* Code Shield's test snippets (RUST-R-007) */
fn icd() {
    // ruleid: rust-weak-hash
    let a = Md5::new;
    // ruleid: rust-weak-hash
    let b = Sha1::new;
    // ok: rust-weak-hash
    let c = Sha256::new;
    // ruleid: rust-weak-hash
    let d = MessageDigest::sha1;
    // ok: rust-weak-hash
    let e = MessageDigest::sha256;
}
