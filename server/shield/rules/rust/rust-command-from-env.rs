use std::env;
use std::process::Command;

fn main() {
    let args: Vec<String> = env::args().collect();
    // ruleid: rust-command-from-env
    Command::new(&args[1]).status().unwrap();
    let tool = env::var("BUILD_TOOL").unwrap_or_default();
    // ruleid: rust-command-from-env
    Command::new(tool).arg("--version").status().unwrap();
    // ruleid: rust-command-from-env
    Command::new(std::env::var("HOOK").unwrap()).status().unwrap();
    // ok: rust-command-from-env
    Command::new("git").arg(&args[1]).status().unwrap();
    let fixed = "/usr/bin/make";
    // ok: rust-command-from-env
    Command::new(fixed).status().unwrap();
    // Command::new(env::var("X")) in a comment
}

// fragment
    let shell = std::env::var("SHELL").expect("SHELL");
    // ruleid: rust-command-from-env
    let child = std::process::Command::new(&shell)

fn fixed_tool() {
    // ok: rust-command-from-env
    let n = std::env::args().count();
    Command::new("cargo").arg("build").status().unwrap();
}
