//! README.md stays true: its exit-code table is the one `ocictl --help` renders from exit.rs.

use crate::support::ocictl;

#[test]
fn readme_exit_codes_match_help() {
    let help = ocictl(&["--help"]);
    help.expect_code(0);
    let from_help: Vec<String> = help
        .stdout()
        .split("Exit codes:\n")
        .nth(1)
        .expect("--help has an exit code table")
        .lines()
        .filter_map(|line| line.trim().split_once("  "))
        .map(|(code, meaning)| format!("| {code} | {} |", meaning.trim()))
        .collect();
    assert_eq!(from_help.len(), 8);
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = readme.split("## Exit codes\n").nth(1).expect("README has an Exit codes section");
    let from_readme: Vec<&str> =
        table.lines().filter(|l| l.starts_with("| ") && l[2..3].chars().all(|c| c.is_ascii_digit())).collect();
    assert_eq!(from_readme, from_help, "README's exit-code table differs from `ocictl --help`");
}

#[test]
fn readme_documents_every_command() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let commands = [
        "ref",
        "ping",
        "manifest",
        "digest",
        "config",
        "inspect",
        "blob",
        "ls",
        "cat",
        "export",
        "curl",
        "referrers",
        "tags",
        "catalog",
        "auth",
        "login",
        "logout",
        "cache",
    ];
    for command in commands {
        let heading = readme.lines().any(|l| l.starts_with("### ") && l.contains(&format!("`ocictl {command} ")));
        assert!(heading, "README has no section for {command}");
        let example = readme.lines().any(|l| {
            l.starts_with("$ ")
                && (l.contains(&format!("$ ocictl {command} ")) || l.contains(&format!("| ocictl {command} ")))
        });
        assert!(example, "README has no example for {command}");
    }
}
