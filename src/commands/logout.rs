//! `ocictl logout`: forget a registry's stored login (credential helper or config.json).

use crate::client::credentials::CredentialSource;
use crate::client::docker_config;
use crate::exit::{fail, ExitCode};
use crate::output;
use crate::reference::Registry;
use anyhow::{Context, Result};

pub fn run(registry: &Registry, credentials: &CredentialSource) -> Result<()> {
    let config = credentials
        .docker_config
        .as_deref()
        .ok_or_else(|| fail(ExitCode::Usage, "no Docker config location: set DOCKER_CONFIG or HOME"))?;
    match docker_config::erase(config, registry, credentials.deadline)
        .with_context(|| format!("logging out of {registry}"))?
    {
        Some(place) => output::notice(&format!("removed the credentials for {registry} from {place}")),
        None => output::notice(&format!("not logged in to {registry}")),
    }
    Ok(())
}
