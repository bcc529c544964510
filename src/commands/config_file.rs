//! `ocictl config-file check`: which configuration file applies, and what each registry in it
//! resolves to (settings.rs has already refused a malformed file with exit 2).

use super::Context;
use crate::client::Credential;
use anyhow::Result;
use std::collections::BTreeSet;

/// Validate the configuration file and show what each registry resolves to
///
/// Example: ocictl config-file check
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand, Debug)]
enum Action {
    /// Parse the file, report the first problem (exit 2), or list each registry's settings
    Check,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let Action::Check = args.action;
    let configured = context.settings.configured_credentials();
    let plain_http = context.settings.plain_http_registries();
    let mut lines = vec![match &context.settings.config_file_path {
        Some((path, true)) => format!("file: {} (valid)", path.display()),
        Some((path, false)) => format!("file: {} (absent: defaults apply)", path.display()),
        None => "file: none (no HOME or XDG_CONFIG_HOME: defaults apply)".to_string(),
    }];
    let registries: BTreeSet<&String> = configured.keys().chain(plain_http.iter()).collect();
    for registry in registries {
        let mut facts = Vec::new();
        if plain_http.contains(registry.as_str()) {
            facts.push("plain HTTP".to_string());
        }
        if let Some(configured) = configured.get(registry.as_str()) {
            facts.push(match &configured.credential {
                Ok(Credential::Basic { username, .. }) => format!("username {username}, password from the environment"),
                Ok(Credential::Bearer(_)) => "static token".to_string(),
                Ok(Credential::Identity { .. }) => "identity token".to_string(),
                Err(why) => format!("unusable: {why}"),
            });
        }
        lines.push(format!("{registry}: {}", facts.join("; ")));
    }
    context.printer(false, &Default::default()).lines(&lines)?;
    Ok(())
}
