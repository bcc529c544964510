//! `ocictl config`: the image config blob, byte for byte, verified against its digest.

use super::Context;
use crate::args::{ImagesArgs, QueryArgs};
use crate::client::Client;
use crate::manifest::Manifest;
use crate::output::Printer;
use anyhow::{Context as _, Result};

/// Print an image's config JSON, byte for byte
///
/// A multi-platform index needs --platform; without it the available platforms are listed
/// and the command exits 2.
///
/// Example: ocictl config nginx:1.27 --platform linux/amd64
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    images: ImagesArgs,
    #[command(flatten)]
    output: QueryArgs,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let out = context.printer(true, &args.output);
    context.each_image(&args.images, &out, config)
}

fn config(client: &mut Client, image: &str, platform: Option<&str>, out: &Printer) -> Result<()> {
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
