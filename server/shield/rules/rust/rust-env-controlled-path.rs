use std::env;
use std::fs::{self, File};
use std::path::Path;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = env::args().collect();
    // ruleid: rust-env-controlled-path
    let f = File::open(&args[1])?;
    let out_dir = env::var("OUTPUT_DIR").unwrap();
    // ruleid: rust-env-controlled-path
    fs::remove_dir_all(&out_dir)?;
    // ruleid: rust-env-controlled-path
    let log = Path::new("/var/log").join(env::var("LOG_NAME").unwrap());
    // ok: rust-env-controlled-path
    let cfg = fs::read_to_string("/etc/app/config.toml")?;
    let name = "report.txt";
    // ok: rust-env-controlled-path
    let p = Path::new("/srv/out").join(name);
    // File::open(env::args()) in a comment
    drop((f, log, cfg, p));
    Ok(())
}

// fragment
    let key_path = std::env::var("KEY_FILE").expect("KEY_FILE");
    // ruleid: rust-env-controlled-path
    let pem = std::fs::read(&key_path)?;

fn fixed_path() -> std::io::Result<String> {
    // ok: rust-env-controlled-path
    let verbose = std::env::var("VERBOSE").is_ok();
    std::fs::read_to_string("/etc/app/defaults.toml")
}
