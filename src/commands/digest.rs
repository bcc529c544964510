//! `ocictl digest`: the manifest digest, from one HEAD request when the registry sends it.

use crate::cli::ImageArgs;
use crate::client::Client;
use crate::manifest::{self, Manifest};
use crate::output;
use anyhow::{Context, Result};

pub fn run(client: &mut Client, args: &ImageArgs) -> Result<()> {
    let reference = super::parse_reference(&args.image)?;
    let shown = super::Resolved::shown(&reference);
    let digest = match super::platform(args)? {
        None => client.manifest_digest(&reference).with_context(|| format!("fetching the digest of {shown}"))?,
        Some(platform) => {
            // An index names its children's digests: the child itself need not be fetched.
            let fetched = client.manifest(&reference).with_context(|| format!("fetching the manifest of {shown}"))?;
            match super::parse_manifest(&fetched)? {
                Manifest::Index { manifests, .. } => {
                    super::child_digest(&manifest::select(&manifests, &platform)?.digest)?
                }
                Manifest::Image { .. } => fetched.digest,
            }
        }
    };
    output::raw(format!("{digest}\n").as_bytes())?;
    Ok(())
}
