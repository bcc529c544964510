//! `ocictl config-file check`: which configuration file applies, and what each registry in it
//! resolves to (settings.rs has already refused a malformed file with exit 2).

use super::Context;
use crate::client::{ca_certificates, Configured, Credential};
use crate::config_file::RegistryConfig;
use crate::exit::{fail, ExitCode};
use crate::output;
use crate::reference::Registry;
use anyhow::Result;
use std::collections::BTreeMap;

/// Validate the configuration file and show what each registry resolves to
///
/// Lists every registry entry with what it sets (plain HTTP, mirror, CA certificates,
/// credentials, token expiry). A `ca_cert` file is read and its certificates parsed; an entry
/// that cannot be used (a missing or broken CA file, an unset password variable) is marked
/// "unusable" and makes the command exit 2.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

/// What `--help` and the man page show under EXAMPLES.
pub const EXAMPLES: &[super::Example] = &[
    ("ocictl config-file check", "The file that applies and what each registry in it sets"),
    ("ocictl --config ./ci.toml config-file check", "Check another file before using it"),
];

#[derive(clap::Subcommand, Debug)]
enum Action {
    /// Parse the file, report the first problem (exit 2), or list each registry's settings
    Check,
}

/// One fact about an entry; a problem makes the entry unusable.
type Fact = Result<String, String>;

pub fn run(args: Args, context: &Context) -> Result<()> {
    let Action::Check = args.action;
    let settings = context.settings;
    let mut lines = vec![match &settings.config_path {
        Some((path, true)) => format!("file: {} (valid)", path.display()),
        Some((path, false)) => format!("file: {} (absent: defaults apply)", path.display()),
        None => "file: none (no HOME or XDG_CONFIG_HOME: defaults apply)".to_string(),
    }];
    let configured = settings.configured_credentials();
    // Keyed as the program keys them: index.docker.io is docker.io. The file was validated, so
    // every name is a registry.
    let entries: BTreeMap<String, &RegistryConfig> = settings
        .registry_entries()
        .iter()
        .filter_map(|(name, entry)| Some((Registry::parse(name).ok()?.domain().to_string(), entry)))
        .collect();
    let mut unusable = 0;
    for (domain, entry) in &entries {
        let facts = facts(entry, configured.get(domain));
        unusable += usize::from(facts.iter().any(Result::is_err));
        let shown: Vec<String> =
            facts.into_iter().map(|f| f.unwrap_or_else(|why| format!("unusable: {why}"))).collect();
        let shown = if shown.is_empty() { "defaults".to_string() } else { shown.join("; ") };
        lines.push(format!("{domain}: {shown}"));
    }
    output::lines(&lines)?;
    let file = settings.config_path.as_ref().map(|(path, _)| path.display().to_string()).unwrap_or_default();
    match unusable {
        0 => Ok(()),
        n => Err(fail(ExitCode::Usage, format!("{n} of {} registry entries in {file} cannot be used", entries.len()))),
    }
}

/// What an entry sets, in the order a request meets it: transport, mirror, TLS, credentials.
fn facts(entry: &RegistryConfig, configured: Option<&Configured>) -> Vec<Fact> {
    let mut facts = Vec::new();
    if entry.plain_http {
        facts.push(Ok("plain HTTP".to_string()));
    }
    if let Some(mirror) = &entry.mirror {
        facts.push(Ok(format!("mirror {mirror}")));
    }
    if let Some(path) = &entry.ca_cert {
        facts.push(match ca_certificates(path) {
            Ok(count) => Ok(format!("CA certificates from {} ({count})", path.display())),
            Err(e) => Err(format!("{e:#}")),
        });
    }
    if let Some(configured) = configured {
        facts.push(match &configured.credential {
            Ok(Credential::Basic { username, .. }) => Ok(format!("username {username}, password from the environment")),
            Ok(Credential::Bearer(_)) => Ok("static token".to_string()),
            Ok(Credential::Identity { .. }) => Ok("identity token".to_string()),
            Err(why) => Err(why.clone()),
        });
    }
    let token = entry.auth.as_ref().and_then(|a| a.token.as_ref());
    if let Some(provider) = token.and_then(|t| t.provider.as_deref()) {
        let options = token.and_then(|t| t.provider_opts.as_deref()).map(|o| format!(" ({o})")).unwrap_or_default();
        facts.push(Ok(format!("token from {}{options}", if provider == "ecr" { "AWS ECR" } else { provider })));
    }
    if let Some(expiry) = token.and_then(|t| t.expiry.as_deref()) {
        facts.push(Ok(format!("cached tokens refreshed after {expiry}")));
    }
    facts
}
