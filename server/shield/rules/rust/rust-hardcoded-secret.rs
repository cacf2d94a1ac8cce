use std::env;

// ruleid: rust-hardcoded-secret
const API_KEY: &str = "sk_live_51H8x2eZvKYlo2C0aIVc";
// ruleid: rust-hardcoded-secret
static DB_PASSWORD: &str = "Sup3r-S3cret!";
// ok: rust-hardcoded-secret
const PASSWORD_MIN_LEN: usize = 12;

fn config() -> Config {
    // ruleid: rust-hardcoded-secret
    let token = "ghp_4Jx9aQv8mZk2LwT7rNcY1pS0bHd6eUf3iGo5";
    // ok: rust-hardcoded-secret
    let password = env::var("DB_PASSWORD").expect("DB_PASSWORD");
    // ok: rust-hardcoded-secret
    let secret = String::new();
    // ok: rust-hardcoded-secret
    let token_header = "X-Auth-Token";
    Config {
        user: "app".into(),
        // ruleid: rust-hardcoded-secret
        password: "hunter2".to_string(),
        // ruleid: rust-hardcoded-secret
        client_secret: String::from("9f8a7b6c5d4e3f2a1b0c"),
        // ok: rust-hardcoded-secret
        api_key: env::var("API_KEY").unwrap_or_default(),
        token: token.into(),
        other: (password, secret, token_header),
    }
}

// fragment
    // ruleid: rust-hardcoded-secret
    cfg.smtp_password = "mail-pass-123".to_owned();
