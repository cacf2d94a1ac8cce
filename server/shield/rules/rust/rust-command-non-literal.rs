use std::process::Command;

const GIT: &str = "git";

fn run(req: &Request, tool: &str) {
    // ruleid: rust-command-non-literal
    let out = Command::new(tool).arg("--version").output();
    // ruleid: rust-command-non-literal
    let s = Command::new(&req.program).status();
    // ruleid: rust-command-non-literal
    let t = std::process::Command::new(format!("/opt/{}", req.name)).spawn();
    // ok: rust-command-non-literal
    let ls = Command::new("ls").arg(&req.dir).output();
    // ok: rust-command-non-literal
    let g = Command::new(GIT).arg("status").output();
    // ok: rust-command-non-literal
    let c = Command::new(env!("CARGO_BIN_EXE_helper")).output();
    // Command::new(tool) in a comment
}

/* Code Shield's test snippet (RUST-R-002) */
fn icd(dangerousCommand: String) {
    // ruleid: rust-command-non-literal
    Command::new(dangerousCommand);
}
