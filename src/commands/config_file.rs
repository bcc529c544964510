//! `ocictl config-file check`: which configuration file applies, and what each registry in it
//! resolves to (settings.rs has already refused a malformed file with exit 2).

use super::Context;
use crate::client::{ca_certificates, Configured, Credential};
use crate::config_file::RegistryConfig;
use crate::exit::{fail, Code};
use anyhow::Result;

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
    let mut lines = vec![match &settings.config_file_path {
        Some((path, true)) => format!("file: {} (valid)", path.display()),
        Some((path, false)) => format!("file: {} (absent: defaults apply)", path.display()),
        None => "file: none (no HOME or XDG_CONFIG_HOME: defaults apply)".to_string(),
    }];
    let configured = settings.configured_credentials();
    let (mut entries, mut unusable) = (0, 0);
    for (registry, entry) in settings.registries() {
        let facts = facts(entry, configured.get(registry.domain()));
        entries += 1;
        unusable += usize::from(facts.iter().any(Result::is_err));
        let shown: Vec<String> =
            facts.into_iter().map(|f| f.unwrap_or_else(|why| format!("unusable: {why}"))).collect();
        lines.push(format!("{registry}: {}", shown.join("; ")));
    }
    context.printer(false, &Default::default()).lines(&lines)?;
    let file = settings.config_file_path.as_ref().map(|(path, _)| path.display().to_string()).unwrap_or_default();
    match unusable {
        0 => Ok(()),
        n => Err(fail(Code::Usage, format!("{n} of {entries} registry entries in {file} cannot be used"))),
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
    if let Some(ecr) = &entry.ecr {
        let options: Vec<String> =
            [("profile", &ecr.profile), ("region", &ecr.region), ("registry_id", &ecr.registry_id)]
                .iter()
                .filter_map(|(key, value)| Some(format!("{key}={}", value.as_ref()?)))
                .collect();
        let options = if options.is_empty() { String::new() } else { format!(" ({})", options.join(",")) };
        facts.push(Ok(format!("token from AWS ECR{options}")));
    }
    if let Some(expiry) = entry.token_expiry {
        facts.push(Ok(format!("cached tokens refreshed after {}", crate::config_file::format_duration(expiry))));
    }
    facts
}
