use actix_web::cookie::Cookie;

fn session_cookie(id: String, js: bool) -> Cookie<'static> {
    let mut c = Cookie::new("session", id.clone());
    // ruleid: rust-cookie-no-httponly
    c.set_http_only(false);
    // ok: rust-cookie-no-httponly
    c.set_http_only(true);
    // ok: rust-cookie-no-httponly
    c.set_http_only(js);
    // .http_only(false) in a comment
    Cookie::build("session", id)
        .secure(true)
        // ruleid: rust-cookie-no-httponly
        .http_only(false)
        .finish()
}

// fragment
    let cookie = Cookie::build("jwt", token)
        // ruleid: rust-cookie-no-httponly
        .http_only(false)

fn builder_ok() {
    // ok: rust-cookie-no-httponly
    let c = Cookie::build(("id", "1")).http_only(true).secure(true);
}
