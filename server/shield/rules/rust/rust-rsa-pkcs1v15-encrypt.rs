use openssl::rsa::{Padding, Rsa};
use rsa::{Oaep, Pkcs1v15Encrypt, RsaPublicKey};

fn wrap(pub_key: &RsaPublicKey, rsa: &Rsa<openssl::pkey::Public>, key: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut rng = rand::thread_rng();
    // ruleid: rust-rsa-pkcs1v15-encrypt
    let a = pub_key.encrypt(&mut rng, Pkcs1v15Encrypt, key)?;
    let mut buf = vec![0; rsa.size() as usize];
    // ruleid: rust-rsa-pkcs1v15-encrypt
    rsa.public_encrypt(key, &mut buf, Padding::PKCS1)?;
    // ok: rust-rsa-pkcs1v15-encrypt
    let b = pub_key.encrypt(&mut rng, Oaep::new::<sha2::Sha256>(), key)?;
    // ok: rust-rsa-pkcs1v15-encrypt
    rsa.public_encrypt(key, &mut buf, Padding::PKCS1_OAEP)?;
    // pub_key.encrypt(&mut rng, Pkcs1v15Encrypt, key) in a comment
    Ok([a, b, buf].concat())
}

// fragment
    let mut encrypter = Encrypter::new(&pkey)?;
    // ruleid: rust-rsa-pkcs1v15-encrypt
    encrypter.set_rsa_padding(Padding::PKCS1)?;

fn sign_ok(key: &RsaPrivateKey, digest: &[u8]) {
    // ok: rust-rsa-pkcs1v15-encrypt
    let sig = key.sign(Pkcs1v15Sign::new::<sha2::Sha256>(), digest);
}
