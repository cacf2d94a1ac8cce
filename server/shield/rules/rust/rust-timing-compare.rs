use hmac::{Hmac, Mac};
use sha2::Sha256;

fn verify(secret: &[u8], body: &[u8], sent: &str, user: &User) -> bool {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).unwrap();
    mac.update(body);
    let expected_sig = hex::encode(mac.finalize().into_bytes());
    // ruleid: rust-timing-compare
    if sent == expected_sig {
        return true;
    }
    // ruleid: rust-timing-compare
    if headers.get("x-api-key").unwrap() != user.api_key.as_str() {
        return false;
    }
    // ok: rust-timing-compare
    if user.token == "" || user.token.len() == 0 {
        return false;
    }
    // ok: rust-timing-compare
    let kind_ok = user.token_kind == TokenKind::Bearer;
    // sent == expected_sig in a comment
    kind_ok
}

// fragment
    let provided = req.headers().get("X-Token").and_then(|v| v.to_str().ok()).unwrap_or("");
    // ruleid: rust-timing-compare
    if provided != state.admin_token {

fn constant_time(sent: &[u8], expected_sig: &[u8]) -> bool {
    // ok: rust-timing-compare
    sent.ct_eq(expected_sig).into()
}
