use std::process::Command;

fn run(host: &str, user_cmd: String) -> std::io::Result<()> {
    // ruleid: rust-command-shell
    Command::new("sh").arg("-c").arg(format!("ping -c 1 {}", host)).status()?;
    // ruleid: rust-command-shell
    Command::new("bash").args(["-c", &user_cmd]).output()?;
    let mut cmd = Command::new("sh");
    // ruleid: rust-command-shell
    cmd.arg("-c").arg(&user_cmd);
    // ok: rust-command-shell
    Command::new("sh").arg("-c").arg("ls -l | wc -l").status()?;
    // ok: rust-command-shell
    Command::new("ping").arg("-c").arg(host).status()?;
    // ok: rust-command-shell
    Command::new("bash").args(["-c", "echo hi"]).status()?;
    // Command::new("sh").arg("-c").arg(host) in a comment
    cmd.status().map(|_| ())
}

// fragment
    let script = format!("tar czf {} {}", out, dir);
    // ruleid: rust-command-shell
    let status = Command::new("/bin/sh").args(&["-c", &script]).status()
