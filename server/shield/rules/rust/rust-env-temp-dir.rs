use std::env::temp_dir;
use std::fs;

fn scratch() -> std::io::Result<()> {
    // ruleid: rust-env-temp-dir
    let path = std::env::temp_dir().join("app.lock");
    // ruleid: rust-env-temp-dir
    let dir = temp_dir();
    // ok: rust-env-temp-dir
    let safe = tempfile::tempdir()?;
    // ok: rust-env-temp-dir
    let file = tempfile::NamedTempFile::new()?;
    // ok: rust-env-temp-dir
    let cache = dirs::cache_dir();
    // std::env::temp_dir() in a comment
    Ok(())
}

/* Code Shield's test snippet (RUST-R-011) */
fn icd() {
    // ruleid: rust-env-temp-dir
    std::env::temp_dir();
}
