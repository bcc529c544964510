//! Renders shell completions and man pages from the clap definitions; the hidden `generate`
//! subcommand writes them, and a test fails when the committed copies are stale. The man pages
//! are composed from clap_mangen's sections plus our own: a SYNOPSIS that shows option values
//! and repeatable arguments, each command's EXAMPLES, and for ocictl(1) EXIT STATUS, ENVIRONMENT
//! and FILES.

use anyhow::{Context, Result};
use clap::ArgAction;
use clap_complete::{Generator, Shell};
use roff::{bold, italic, roman, Inline, Roff};
use std::path::{Path, PathBuf};

/// What ocictl reads from the environment (settings.rs, and the AWS SDK for ECR).
const ENVIRONMENT: &[(&str, &str)] = &[
    ("OCICTL_USERNAME, OCICTL_PASSWORD", "Credentials for every registry of the command (OCICTL_PASSWORD also with --username)."),
    ("OCICTL_TOKEN", "A bearer token sent as it is, skipping the token server (as --token)."),
    ("OCICTL_CONFIG", "The configuration file, when --config is not given (it must exist)."),
    ("DOCKER_CONFIG", "The directory of Docker's config.json, read for credentials and written by login."),
    ("REGISTRY_AUTH_FILE", "The containers auth file (podman, buildah, skopeo), instead of the default ones."),
    ("XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_RUNTIME_DIR, HOME", "Where the default files below are."),
    (
        "AWS_PROFILE, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_ECR, AWS_EC2_METADATA_DISABLED",
        "The AWS SDK's credential chain and endpoints, for ECR registries (and the SDK's other AWS_* variables).",
    ),
    (
        "HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY",
        "Proxies for plain-HTTP and HTTPS registries, and the hosts reached directly (lower case too); loopback hosts never use a proxy.",
    ),
    ("NO_COLOR", "No colour, unless --color always."),
];

/// The files ocictl reads or writes.
const FILES: &[(&str, &str)] = &[
    (
        "$XDG_CONFIG_HOME/ocictl/config.toml (~/.config/ocictl/config.toml)",
        "The configuration file (TOML), one table per registry: [registries.\"host[:port]\"] with plain_http, mirror, ca_cert, auth.username with auth.password_env, auth.token.static, auth.token.expiry, auth.token.provider (\"ecr\") and auth.token.provider_opts (profile=…,region=…,registry_id=…). Check it with ocictl config-file check.",
    ),
    (
        "$XDG_CACHE_HOME/ocictl (~/.cache/ocictl)",
        "The token cache: bearer tokens, ECR passwords and registries' challenges, mode 0600 in a 0700 directory (ocictl cache clear, --no-cache).",
    ),
    (
        "$DOCKER_CONFIG/config.json (~/.docker/config.json)",
        "Docker's credentials: credHelpers, auths and credsStore, used through docker-credential-<name> helpers where configured; login and logout write here.",
    ),
    (
        "$REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json, ~/.config/containers/auth.json",
        "The containers auth files, after Docker's config.",
    ),
    (
        "/etc/docker/certs.d, ~/.config/containers/certs.d, /etc/containers/certs.d",
        "Per registry <host[:port]>/ directories: *.crt files are trusted CAs, client.cert with client.key a client certificate.",
    ),
];

/// Every generated file, as (path relative to the repository root, contents).
pub fn render() -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = Vec::new();
    let mut command = crate::cli::command();
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut command, "ocictl", &mut buf);
        files.push((Path::new("completions").join(shell.file_name("ocictl")), buf));
    }
    command.build();
    files.push((PathBuf::from("man/ocictl.1"), page(&command, &[], &top_sections())?));
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        let name = format!("ocictl-{}", sub.get_name());
        let examples = crate::commands::examples(sub.get_name());
        let contents = page(&sub.clone().name(name.clone()), examples, &Roff::default())?;
        files.push((Path::new("man").join(format!("{name}.1")), contents));
    }
    Ok(files)
}

/// One man page: clap_mangen's title, name, description, options and subcommands, with our
/// synopsis, examples and `extra` sections.
fn page(command: &clap::Command, examples: &[crate::commands::Example], extra: &Roff) -> Result<Vec<u8>> {
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    let mut sections: Vec<Vec<u8>> = Vec::new();
    let mut section = |render: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| -> std::io::Result<()> {
        let mut buf = Vec::new();
        render(&mut buf)?;
        sections.push(buf);
        Ok(())
    };
    section(&|w| man.render_name_section(w))?;
    section(&|w| synopsis(command).to_writer(w))?;
    section(&|w| man.render_description_section(w))?;
    if command.get_arguments().any(|a| !a.is_hide_set()) {
        section(&|w| man.render_options_section(w))?;
    }
    if command.has_subcommands() {
        section(&|w| man.render_subcommands_section(w))?;
    }
    if !examples.is_empty() {
        section(&|w| examples_section(examples).to_writer(w))?;
    }
    section(&|w| extra.to_writer(w))?;
    if command.get_version().is_some() {
        section(&|w| man.render_version_section(w))?;
    }
    // Each rendered piece starts with roff's apostrophe preamble; the title already has it.
    for piece in sections {
        out.extend_from_slice(piece.strip_prefix(roff_preamble().as_slice()).unwrap_or(&piece));
    }
    Ok(out)
}

/// What roff puts before every document it renders.
fn roff_preamble() -> Vec<u8> {
    let mut buf = Vec::new();
    // An empty document is only its preamble; writing to a Vec cannot fail.
    let _ = Roff::default().to_writer(&mut buf);
    buf
}

/// `ocictl digest [--platform OS/ARCH[/VARIANT]] … <IMAGE>...`: every visible option with its
/// value, `...` after what may be repeated, and the subcommand slot.
fn synopsis(command: &clap::Command) -> Roff {
    let mut line = vec![bold(command.get_bin_name().unwrap_or(command.get_name()))];
    // Options first, then operands, as synopses are written.
    let (positionals, options): (Vec<&clap::Arg>, Vec<&clap::Arg>) =
        command.get_arguments().filter(|a| !a.is_hide_set()).partition(|a| a.is_positional());
    for arg in options.into_iter().chain(positionals) {
        line.push(roman(" "));
        line.extend(synopsis_item(arg));
    }
    if command.has_subcommands() {
        line.extend([roman(" "), italic("<COMMAND>")]);
    }
    let mut roff = Roff::default();
    roff.control("SH", ["SYNOPSIS"]).text(line);
    roff
}

fn synopsis_item(arg: &clap::Arg) -> Vec<Inline> {
    let values = arg.get_num_args().unwrap_or_default();
    let value = arg.get_value_names().map_or_else(|| arg.get_id().to_string().to_uppercase(), |names| names.join(" "));
    let repeated = matches!(arg.get_action(), ArgAction::Append | ArgAction::Count) || values.max_values() > 1;
    let (open, close) = if arg.is_required_set() { ("", "") } else { ("[", "]") };
    let mut item = vec![roman(open)];
    if arg.is_positional() {
        item.push(italic(format!("<{value}>")));
    } else {
        let flag = match (arg.get_short(), arg.get_long()) {
            (Some(short), Some(long)) => format!("-{short}|--{long}"),
            (Some(short), None) => format!("-{short}"),
            (_, long) => format!("--{}", long.unwrap_or_default()),
        };
        item.push(bold(flag));
        if values.takes_values() {
            item.extend([roman(" "), italic(value)]);
        }
    }
    item.push(roman(close));
    if repeated {
        item.push(roman("..."));
    }
    item
}

fn examples_section(examples: &[crate::commands::Example]) -> Roff {
    let mut roff = Roff::default();
    roff.control("SH", ["EXAMPLES"]);
    for (command, says) in examples {
        roff.control("TP", []).text([bold(*command)]).text([roman(*says)]);
    }
    roff
}

/// ocictl(1)'s own sections: the exit codes (the table exit.rs keeps), environment and files.
fn top_sections() -> Roff {
    let mut roff = Roff::default();
    roff.control("SH", ["EXIT STATUS"]);
    for code in crate::exit::Code::ALL {
        roff.control("TP", []).text([bold((code as i32).to_string())]).text([roman(code.meaning())]);
    }
    for (heading, entries) in [("ENVIRONMENT", ENVIRONMENT), ("FILES", FILES)] {
        roff.control("SH", [heading]);
        for (name, meaning) in entries {
            roff.control("TP", []).text([bold(*name)]).text([roman(*meaning)]);
        }
    }
    roff
}

pub fn write(root: &Path) -> Result<()> {
    for (path, contents) in render()? {
        let path = root.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, contents).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// `OCICTL_REGENERATE=1 cargo test generated` rewrites the files instead of comparing.
    #[test]
    fn generated_files_are_fresh() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("OCICTL_REGENERATE").is_some() {
            super::write(root).unwrap();
        }
        for (path, contents) in super::render().unwrap() {
            let committed = std::fs::read(root.join(&path)).unwrap_or_default();
            assert!(
                committed == contents,
                "{} is stale: run `OCICTL_REGENERATE=1 cargo test generated` and commit the result",
                path.display()
            );
        }
    }

    /// Issue 16, item 15: ocictl(1) has the sections a man page reader looks for, every command
    /// page has examples, and synopses show values and repetition.
    #[test]
    fn man_pages_have_their_sections() {
        let pages: Vec<(String, String)> = super::render()
            .unwrap()
            .into_iter()
            .filter(|(path, _)| path.starts_with("man"))
            .map(|(path, contents)| (path.display().to_string(), String::from_utf8(contents).unwrap()))
            .collect();
        assert_eq!(pages.len(), 26);
        for (path, page) in &pages {
            assert_eq!(page.matches(".ie \\n(.g .ds Aq").count(), 1, "{path}: one roff preamble");
            let sections: Vec<&str> = page.lines().filter(|l| l.starts_with(".SH ")).collect();
            if path == "man/ocictl.1" {
                for heading in [".SH NAME", ".SH SYNOPSIS", ".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH FILES"] {
                    assert!(sections.contains(&heading), "{path} lacks {heading}: {sections:?}");
                }
                for needle in
                    ["OCICTL_TOKEN", "DOCKER_CONFIG", "REGISTRY_AUTH_FILE", "AWS_PROFILE", "HTTPS_PROXY", "NO_COLOR"]
                {
                    assert!(page.contains(needle), "{path} lacks {needle}");
                }
                assert!(page.contains("auth.password_env") && page.contains("~/.cache/ocictl"), "{path}");
                continue;
            }
            assert!(sections.contains(&".SH EXAMPLES"), "{path} has no EXAMPLES: {sections:?}");
            let examples = page.split(".SH EXAMPLES").nth(1).unwrap_or_default();
            assert!(examples.matches(".TP").count() >= 2, "{path} has fewer than two examples");
            assert!(!page.contains(".SH EXTRA"), "{path}");
        }
        let digest = &pages.iter().find(|(path, _)| path == "man/ocictl-digest.1").unwrap().1;
        let synopsis = digest.split(".SH SYNOPSIS\n").nth(1).unwrap().lines().next().unwrap();
        assert!(synopsis.contains("\\fB\\-\\-platform\\fR \\fIOS/ARCH[/VARIANT]\\fR"), "{synopsis}");
        assert!(synopsis.contains("\\fB\\-\\-ca\\-cert\\fR \\fIFILE\\fR]..."), "{synopsis}");
        assert!(synopsis.ends_with("\\fI<IMAGE>\\fR..."), "{synopsis}");
    }
}
