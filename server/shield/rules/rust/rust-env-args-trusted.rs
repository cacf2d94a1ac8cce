use std::env;
use std::process::Command;

fn main() {
    // ruleid: rust-env-args-trusted
    let me = env::current_exe().unwrap();
    // ruleid: rust-env-args-trusted
    let name = std::env::args().next().unwrap_or_default();
    if name.ends_with("admin-tool") {
        grant_admin();
    }
    // ok: rust-env-args-trusted
    let cmd = Command::new("ls").args(["-l", "/tmp"]).status();
    // ok: rust-env-args-trusted
    let opts = Cli::parse_from(raw_args);
    // ok: rust-env-args-trusted
    let n = matches.args.len();
    // std::env::args() in a comment
}

/* Code Shield's test snippets (RUST-R-004, RUST-R-005, RUST-R-006) */
fn icd() {
    // ruleid: rust-env-args-trusted
    std::env::args_os().skip(1);
    // ruleid: rust-env-args-trusted
    std::env::args();
    // ruleid: rust-env-args-trusted
    env::current_exe();
}
