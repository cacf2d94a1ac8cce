use jsonwebtoken::{decode, DecodingKey, Validation};

fn claims(token: &str, key: &[u8]) -> anyhow::Result<Claims> {
    let mut validation = Validation::default();
    // ruleid: rust-jwt-no-verify
    validation.insecure_disable_signature_validation();
    // ruleid: rust-jwt-no-verify
    let old = jsonwebtoken::dangerous_insecure_decode::<Claims>(token)?;
    // ok: rust-jwt-no-verify
    let data = decode::<Claims>(token, &DecodingKey::from_secret(key), &Validation::default())?;
    // ok: rust-jwt-no-verify
    let header = jsonwebtoken::decode_header(token)?;
    // validation.insecure_disable_signature_validation() in a comment
    drop((old, header));
    Ok(data.claims)
}

// fragment
    let mut v = Validation::new(Algorithm::HS256);
    // ruleid: rust-jwt-no-verify
    v.insecure_disable_signature_validation();

fn strict(token: &str, key: &[u8]) {
    // ok: rust-jwt-no-verify
    let mut v = Validation::new(Algorithm::HS256);
    v.set_audience(&["api"]);
}
