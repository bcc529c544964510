//! `ocictl config-file check`: which configuration file applies, and what each registry in it
//! resolves to (settings.rs has already refused a malformed file with exit 2).

use crate::cli::ConfigFileAction;
use crate::client::{Credential, CredentialSource};
use crate::output;
use anyhow::Result;
use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;

pub fn run(
    action: &ConfigFileAction,
    path: Option<(PathBuf, bool)>,
    credentials: &CredentialSource,
    plain_http: &HashSet<String>,
) -> Result<()> {
    let ConfigFileAction::Check = action;
    let mut lines = vec![match &path {
        Some((path, true)) => format!("file: {} (valid)", path.display()),
        Some((path, false)) => format!("file: {} (absent: defaults apply)", path.display()),
        None => "file: none (no HOME or XDG_CONFIG_HOME: defaults apply)".to_string(),
    }];
    let registries: BTreeSet<&String> = credentials.configured.keys().chain(plain_http.iter()).collect();
    for registry in registries {
        let mut facts = Vec::new();
        if plain_http.contains(registry.as_str()) {
            facts.push("plain HTTP".to_string());
        }
        if let Some(configured) = credentials.configured.get(registry.as_str()) {
            facts.push(match &configured.credential {
                Ok(Credential::Basic { username, .. }) => format!("username {username}, password from the environment"),
                Ok(Credential::Bearer(_)) => "static token".to_string(),
                Ok(Credential::Identity { .. }) => "identity token".to_string(),
                Err(why) => format!("unusable: {why}"),
            });
        }
        lines.push(format!("{registry}: {}", facts.join("; ")));
    }
    output::lines(&lines)?;
    Ok(())
}
