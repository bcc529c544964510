//! `ocictl digest`: the manifest digest, from one HEAD request when the registry sends it.

use super::Context;
use crate::args::{ImagesArgs, OutputArgs};
use crate::client::Client;
use crate::manifest::{self, Manifest};
use crate::output::Printer;
use crate::source::Source;
use anyhow::{Context as _, Result};

/// Print the digest of an image's manifest (one HEAD request)
///
/// Example: ocictl digest nginx:1.27
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    images: ImagesArgs,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn run(args: Args, context: &Context) -> Result<()> {
    let out = context.printer(args.output.json, &args.output.query);
    context.each_image(&args.images, &out, digest)
}

fn digest(client: &mut Client, image: &str, platform: Option<&str>, out: &Printer) -> Result<()> {
    let source = Source::parse(image)?;
    let shown = source.shown();
    let digest = match super::parse_platform(platform)? {
        None => source.manifest_digest(client).with_context(|| format!("fetching the digest of {shown}"))?,
        Some(platform) => {
            // An index names its children's digests: the child itself need not be fetched.
            let fetched = source.manifest(client).with_context(|| format!("fetching the manifest of {shown}"))?;
            match super::parse_manifest(&fetched)? {
                Manifest::Index { manifests, .. } => {
                    super::child_digest(&manifest::select(&manifests, &platform)?.digest)?
                }
                Manifest::Image { .. } => fetched.digest,
            }
        }
    };
    if out.json_wanted() {
        return out.json(&serde_json::json!({ "reference": shown, "digest": digest.to_string() }));
    }
    out.raw(format!("{digest}\n").as_bytes())?;
    Ok(())
}
