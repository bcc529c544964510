//! `ocictl config`: the image config blob, byte for byte, verified against its digest.

use crate::client::api::JSON_LIMIT;
use crate::client::Client;
use crate::manifest::Manifest;
use crate::output::Printer;
use anyhow::{Context, Result};

pub fn run(client: &mut Client, image: &str, platform: Option<&str>, out: &Printer) -> Result<()> {
    let resolved = super::resolve(client, image, platform)?;
    let config = match &resolved.manifest {
        Manifest::Index { manifests, .. } => return Err(super::needs_platform(&resolved.reference, manifests)),
        Manifest::Image { config, .. } => config,
    };
    let digest = super::child_digest(&config.digest)?;
    let bytes = client
        .blob(&resolved.reference, &digest, JSON_LIMIT)
        .with_context(|| format!("fetching the config of {}", super::Resolved::shown(&resolved.reference)))?;
    out.document(&bytes)?;
    Ok(())
}
