//! `ocictl config`: the image config blob, byte for byte, verified against its digest.

use crate::client::Client;
use crate::manifest::Manifest;
use crate::output::Printer;
use anyhow::{Context, Result};

pub fn run(client: &mut Client, image: &str, platform: Option<&str>, out: &Printer) -> Result<()> {
    let resolved = super::resolve(client, image, platform)?;
    let config = match &resolved.manifest {
        Manifest::Index { manifests, .. } => return Err(super::needs_platform(&resolved.shown, manifests)),
        Manifest::Image { config, .. } => config,
    };
    let digest = super::child_digest(&config.digest)?;
    let bytes = resolved
        .source
        .json_blob(client, &digest)
        .with_context(|| format!("fetching the config of {}", resolved.shown))?;
    out.document(&bytes)?;
    Ok(())
}
