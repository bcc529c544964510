//! `ocictl logout`: forget a registry's stored login (credential helper or config.json).

use super::Context;
use crate::client::docker_config;
use crate::exit::{fail, Code};
use crate::output;
use anyhow::{Context as _, Result};

/// Forget the stored login for a registry
///
/// Example: ocictl logout ghcr.io
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Registry host or host:port
    registry: String,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let registry = super::parse_registry(&args.registry)?;
    let docker_config = context.settings.docker_config.as_deref();
    let docker_config =
        docker_config.ok_or_else(|| fail(Code::Usage, "no Docker config location: set DOCKER_CONFIG or HOME"))?;
    match docker_config::erase(docker_config, &registry).with_context(|| format!("logging out of {registry}"))? {
        Some(place) => output::notice(&format!("removed the credentials for {registry} from {place}")),
        None => output::notice(&format!("not logged in to {registry}")),
    }
    Ok(())
}
