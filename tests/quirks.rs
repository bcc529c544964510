//! Issue 17: the registries people actually run. One test per item of the issue (two where an
//! item has a part ocictl handles today and a part it does not), each running the real binary
//! against `support::quirks` with that item's quirk switched on; one file per section of the
//! issue. This file holds what they share.
//!
//! A test marked `#[ignore = "issue 17 item N: …"]` fails with today's ocictl, for the reason
//! given; `cargo test -- --ignored quirks::` runs them. Remove the mark with the fix.

use crate::support::quirks::{
    Auth, ErrorBody, Head, IssuedAt, ManifestContentType, QuirkServer, Quirks, Referrers, Storage, ACR_NULL_USER,
    PASSWORD, REFRESH_TOKEN, REPO, SERVICE, SIGNATURE_TYPE, TAGS, USER,
};
use crate::support::seed::{DOCKER_LIST, DOCKER_MANIFEST, OCI_INDEX, OCI_MANIFEST};
use crate::support::{cache_file, ocictl, ocictl_with, Invocation, Run};
use serde_json::{json, Value};
use std::path::Path;

mod auth;
mod errors;
mod manifests;
mod tags;

/// Runs ocictl with `-u USER --password-stdin` and the password on stdin.
fn with_password(args: &[&str]) -> Run {
    let mut all = args.to_vec();
    all.extend(["-u", USER, "--password-stdin"]);
    ocictl_with(&all, Invocation { stdin: Some(&format!("{PASSWORD}\n")), ..Default::default() })
}

/// Runs ocictl with a Docker config holding `config` (JSON).
fn with_docker_config(args: &[&str], config: &str) -> Run {
    let dir = tempfile::tempdir().expect("a Docker config directory");
    std::fs::write(dir.path().join("config.json"), config).expect("writing config.json");
    ocictl_with(
        args,
        Invocation { env: vec![("DOCKER_CONFIG", dir.path().display().to_string())], ..Default::default() },
    )
}

/// What `docker login` stores for an OAuth2 registry: `user:` (empty password) and the token.
fn identity_token_config(server: &QuirkServer, user: &str) -> String {
    use base64::Engine as _;
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{user}:"));
    json!({ "auths": { server.host(): { "auth": auth, "identitytoken": REFRESH_TOKEN } } }).to_string()
}

/// The `-v` transcript has a `* ` note mentioning `phrase` (case-insensitive): the workaround is
/// named, so that a user can report what the registry did. The wording is the implementer's.
fn assert_note(run: &Run, phrase: &str) {
    let wanted = phrase.to_lowercase();
    let named = run.stderr.lines().any(|line| line.starts_with("* ") && line.to_lowercase().contains(&wanted));
    assert!(named, "no `* ` note mentioning {phrase:?} under -v:\n{}", run.stderr);
}

fn assert_no_error_output(run: &Run) {
    assert!(!run.stderr.contains("ocictl: error:"), "{}", run.stderr);
}

/// Every tag, one a line, as `ocictl tags` prints them.
fn all_tags() -> String {
    TAGS.iter().map(|t| format!("{t}\n")).collect()
}

/// The targets of the tag-list requests that carried credentials (the 401s before them aside).
fn authorized_tag_requests(server: &QuirkServer) -> Vec<String> {
    let requests = server.registry_requests();
    let tags = requests.iter().filter(|r| r.path().ends_with("/tags/list") && r.authorization.is_some());
    tags.map(|r| r.target.clone()).collect()
}
