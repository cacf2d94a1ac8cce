use des::TdesEde3;
use openssl::symm::{encrypt, Cipher};

fn seal(key: &[u8], iv: &[u8], data: &[u8]) -> Vec<u8> {
    // ruleid: rust-weak-cipher
    let c = TdesEde3::new_from_slice(key).unwrap();
    // ruleid: rust-weak-cipher
    let a = encrypt(Cipher::des_ede3_cbc(), key, Some(iv), data).unwrap();
    // ruleid: rust-weak-cipher
    let b = encrypt(Cipher::aes_128_ecb(), key, None, data).unwrap();
    // ruleid: rust-weak-cipher
    let enc = ecb::Encryptor::<aes::Aes128>::new(key.into());
    // ok: rust-weak-cipher
    let g = encrypt(Cipher::aes_256_gcm(), key, Some(iv), data).unwrap();
    // ok: rust-weak-cipher
    let cbc = cbc::Encryptor::<aes::Aes256>::new(key.into(), iv.into());
    // ruleid: rust-weak-cipher
    let legacy: Ecb<Aes128, Pkcs7> = Ecb::new_from_slices(key, &[]).unwrap();
    // Cipher::rc4() in a comment
    let name = "Cipher::des_cbc()";
    drop((c, enc, cbc, name, legacy));
    [a, b, g].concat()
}

// fragment
    // ruleid: rust-weak-cipher
    let mut rc4 = Rc4::new(key.into());
    rc4.apply_keystream(&mut buf);

/* Code Shield's test snippet (RUST-R-012) */
fn icd() {
    // ruleid: rust-weak-cipher
    let c = Cipher::bf_cbc();
    // ok: rust-weak-cipher
    let d = Cipher::aes_256_gcm();
}
