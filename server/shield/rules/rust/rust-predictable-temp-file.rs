use std::env;
use std::fs::{self, File};

fn scratch(pid: u32) -> std::io::Result<()> {
    // ruleid: rust-predictable-temp-file
    let lock = env::temp_dir().join("myapp.lock");
    // ruleid: rust-predictable-temp-file
    let out = std::env::temp_dir().join(format!("report-{}.csv", pid));
    // ruleid: rust-predictable-temp-file
    let mut f = File::create("/tmp/myapp-cache.json")?;
    // ok: rust-predictable-temp-file
    let tmp = tempfile::NamedTempFile::new()?;
    // ok: rust-predictable-temp-file
    let unique = env::temp_dir().join(uuid::Uuid::new_v4().to_string());
    // ok: rust-predictable-temp-file
    let cfg = File::open("/etc/myapp.toml")?;
    // File::create("/tmp/x") in a comment
    drop((lock, out, f, tmp, unique, cfg));
    Ok(())
}

// fragment
    // ruleid: rust-predictable-temp-file
    fs::write("/tmp/session_token", token.as_bytes())?;
