//! README.md stays true: its exit-code table is the one `ocictl --help` renders from exit.rs, and
//! its examples that show output show what the program prints.

use crate::support::{ocictl, ocictl_with, Invocation};

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
    let readme = readme();
    let table = readme.split("## Exit codes\n").nth(1).expect("README has an Exit codes section");
    let from_readme: Vec<&str> =
        table.lines().filter(|l| l.starts_with("| ") && l[2..3].chars().all(|c| c.is_ascii_digit())).collect();
    assert_eq!(from_readme, from_help, "README's exit-code table differs from `ocictl --help`");
}

#[test]
fn readme_documents_every_command() {
    let readme = readme();
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
        "diff",
        "packages",
        "curl",
        "referrers",
        "tags",
        "catalog",
        "auth",
        "login",
        "logout",
        "cache",
        "credential-helper",
        "kubelet-credential-provider",
        "wait",
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

/// Issue 16, item 15: --help shows a command's examples, from the list the man page renders.
#[test]
fn help_shows_the_commands_examples() {
    let run = ocictl(&["digest", "--help"]);
    run.expect_code(0);
    assert!(
        run.stdout().contains(
            "\nExamples:\n  The digest a tag points at now (one HEAD request):\n      ocictl digest nginx:1.27\n"
        ),
        "{}",
        run.stdout()
    );
    let man = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/man/ocictl-digest.1")).unwrap();
    assert!(
        man.contains(".SH EXAMPLES\n.TP\n\\fBocictl digest nginx:1.27\\fR\nThe digest a tag points at now"),
        "{man}"
    );
}

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

/// Each `$ ocictl …` line of README's console blocks, with the lines shown after it (up to the
/// next `$` line or the block's end).
fn readme_examples(readme: &str) -> Vec<(String, String)> {
    let mut examples: Vec<(String, String)> = Vec::new();
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("```").next().unwrap_or_default();
        for line in block.lines() {
            match line.strip_prefix("$ ") {
                Some(command) => examples.push((command.to_string(), String::new())),
                None => {
                    if let Some((_, shown)) = examples.last_mut() {
                        shown.push_str(line);
                        shown.push('\n');
                    }
                }
            }
        }
    }
    examples
}

/// Issue 16, item 16: the README's examples that show output are run where no outside registry
/// is needed (`ref`, and `config-file check` on the README's own configuration file), and the
/// output must match; the others need Docker Hub, GHCR or a machine's state.
#[test]
fn readme_examples_show_what_the_program_prints() {
    const CHECKED: [&str; 2] = ["ref", "config-file"];
    const NEED_THE_INTERNET_OR_STATE: [&str; 6] = ["digest", "ping", "ratelimit", "auth", "login", "cache"];
    let readme = readme();
    let mut checked = 0;
    for (command, shown) in readme_examples(&readme).iter().filter(|(_, shown)| !shown.is_empty()) {
        let verb =
            command.split(" | ").last().and_then(|c| c.strip_prefix("ocictl ")).and_then(|c| c.split(' ').next());
        let verb = verb.unwrap_or_else(|| panic!("README example `{command}` is not an ocictl command"));
        if NEED_THE_INTERNET_OR_STATE.contains(&verb) {
            continue;
        }
        assert!(CHECKED.contains(&verb), "README shows the output of `{command}`: check it here, or say why not");
        let words: Vec<&str> = command.split(' ').skip(1).collect();
        let (stdout, expected) = match verb {
            "config-file" => config_file_check(&readme, &words, shown),
            _ => {
                let run = ocictl(&words);
                run.expect_code(0);
                (run.stdout(), shown.clone())
            }
        };
        assert_eq!(stdout, expected, "README's `{command}`");
        checked += 1;
    }
    assert_eq!(checked, 2);
}

/// `config-file check` on the README's configuration file, with its CA file made real and its
/// password variable set; README's paths in the expected output become the test's.
fn config_file_check(readme: &str, words: &[&str], shown: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let toml = readme.split("```toml\n").nth(1).and_then(|b| b.split("```").next()).expect("README has a toml block");
    let ca = dir.path().join("private-ca.pem");
    let cert = rcgen::generate_simple_self_signed(vec!["registry.internal".to_string()]).unwrap();
    std::fs::write(&ca, cert.cert.pem()).unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, toml.replace("/etc/ssl/private-ca.pem", &ca.display().to_string())).unwrap();
    let env = vec![("OCICTL_CONFIG", config.display().to_string()), ("REGISTRY_PASSWORD", "x".to_string())];
    let run = ocictl_with(words, Invocation { env, ..Default::default() });
    run.expect_code(0);
    let expected = shown
        .replace("/home/me/.config/ocictl/config.toml", &config.display().to_string())
        .replace("/etc/ssl/private-ca.pem", &ca.display().to_string());
    (run.stdout(), expected)
}
