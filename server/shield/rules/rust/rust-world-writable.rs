use std::fs::{self, OpenOptions, Permissions};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};

fn publish(path: &str) -> std::io::Result<()> {
    // ruleid: rust-world-writable
    fs::set_permissions(path, Permissions::from_mode(0o777))?;
    // ruleid: rust-world-writable
    let f = OpenOptions::new().create(true).write(true).mode(0o666).open(path)?;
    let mut perms = fs::metadata(path)?.permissions();
    // ruleid: rust-world-writable
    perms.set_mode(0o777);
    // ok: rust-world-writable
    fs::set_permissions(path, Permissions::from_mode(0o644))?;
    // ok: rust-world-writable
    perms.set_mode(0o700);
    // ok: rust-world-writable
    let g = OpenOptions::new().create(true).write(true).mode(0o600).open(path)?;
    // Permissions::from_mode(0o777) in a comment
    drop((f, g));
    Ok(())
}

// fragment
    // ruleid: rust-world-writable
    std::fs::DirBuilder::new().recursive(true).mode(0o777).create(&dir)?;
