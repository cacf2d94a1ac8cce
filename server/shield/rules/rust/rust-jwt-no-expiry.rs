use jsonwebtoken::{Algorithm, Validation};

fn validation(strict: bool) -> Validation {
    let mut v = Validation::new(Algorithm::HS256);
    // ruleid: rust-jwt-no-expiry
    v.validate_exp = false;
    // ok: rust-jwt-no-expiry
    v.validate_exp = true;
    // ok: rust-jwt-no-expiry
    v.validate_exp = strict;
    // ok: rust-jwt-no-expiry
    v.validate_nbf = false;
    // v.validate_exp = false in a comment
    v
}

// fragment
    let validation = Validation {
        // ruleid: rust-jwt-no-expiry
        validate_exp: false,
        ..Validation::default()
