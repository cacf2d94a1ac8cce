use actix_web::cookie::Cookie;

fn session_cookie(id: String, prod: bool) -> Cookie<'static> {
    let mut c = Cookie::new("session", id.clone());
    // ruleid: rust-cookie-insecure
    c.set_secure(false);
    // ok: rust-cookie-insecure
    c.set_secure(true);
    // ok: rust-cookie-insecure
    c.set_secure(prod);
    // .secure(false) in a comment
    Cookie::build("session", id)
        // ruleid: rust-cookie-insecure
        .secure(false)
        .http_only(true)
        .finish()
}

// fragment
    let cookie = Cookie::build("auth_token", token)
        .path("/")
        // ruleid: rust-cookie-insecure
        .secure(false)

fn builder_ok() {
    // ok: rust-cookie-insecure
    let c = Cookie::build(("id", "1")).secure(true).http_only(true);
}
